package fr.vigie;

import fr.vigie.account.Account;
import fr.vigie.account.AccountRepository;
import fr.vigie.account.Role;
import fr.vigie.account.Secrets;
import fr.vigie.db.Database;
import java.nio.file.Path;
import java.time.Instant;

/** Accounts other than the bootstrap admin, written straight into a test server's database (no API creates them yet). */
public final class Accounts {

  private Accounts() {}

  /** Creates an account with this role and returns a working API token for it. */
  public static String withToken(Path dataDir, String login, String displayName, Role role) {
    AccountRepository accounts = new AccountRepository(new Database(dataDir.resolve("vigie.db")).dsl());
    String id = ("ACC" + login.toUpperCase().replaceAll("[^A-Z0-9]", "") + "00000000000000000000000").substring(0, 26);
    accounts.insert(new Account(id, login, displayName, role, "!", Instant.now()));
    String token = "token-" + login + "-0123456789abcdef";
    accounts.insertToken(Secrets.sha256Hex(token), id, "tests", Instant.now());
    return token;
  }
}
