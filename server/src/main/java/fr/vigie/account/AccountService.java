package fr.vigie.account;

import com.password4j.Password;
import fr.vigie.db.Ids;
import fr.vigie.web.ApiException;
import fr.vigie.web.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Accounts, sign-in, API tokens and web sessions. Knows nothing of HTTP. */
public final class AccountService {

  public static final String ADMIN_LOGIN = "admin";
  private static final Duration SESSION_LENGTH = Duration.ofHours(12);

  private final AccountRepository accounts;
  private final Ids ids;
  private final Clock clock;

  public AccountService(AccountRepository accounts, Ids ids, Clock clock) {
    this.accounts = accounts;
    this.ids = ids;
    this.clock = clock;
  }

  /** What the first start created, to tell the operator once. */
  public record Bootstrap(String login, Optional<String> generatedPassword) {}

  /**
   * On the first start (no account yet), creates the admin with the given password or a generated one. Later starts
   * change nothing. The environment's admin token, when set, is registered (as a hash) for the admin.
   */
  public Optional<Bootstrap> bootstrap(Optional<String> password, Optional<String> adminToken) {
    Optional<Bootstrap> created = Optional.empty();
    if (accounts.count() == 0) {
      String chosen = password.orElseGet(Secrets::password);
      accounts.insert(new Account(ids.next(), ADMIN_LOGIN, "Administrateur", Role.ADMIN, hash(chosen), clock.instant()));
      created = Optional.of(new Bootstrap(ADMIN_LOGIN, password.isPresent() ? Optional.empty() : Optional.of(chosen)));
    }
    adminToken.ifPresent(token -> {
      Account admin = accounts.firstAdmin().orElseThrow();
      String tokenHash = Secrets.sha256Hex(token);
      if (accounts.byTokenHash(tokenHash).isEmpty()) {
        accounts.insertToken(tokenHash, admin.id(), "VIGIE_ADMIN_TOKEN", clock.instant());
      }
    });
    return created;
  }

  /**
   * The account of an API token. A token seen in the last {@link #TOKEN_CACHE} is not looked up again: the extension
   * sends several requests a second, and a database query each time would cost more than the request itself.
   */
  public Principal authenticateToken(String token) {
    String hash = Secrets.sha256Hex(token);
    Instant now = clock.instant();
    CachedPrincipal cached = tokens.get(hash);
    if (cached != null && cached.until().isAfter(now)) {
      return cached.principal();
    }
    Principal principal = accounts.byTokenHash(hash).map(AccountService::principal)
        .orElseThrow(() -> new ApiException.Unauthorized("Jeton d'API inconnu ou révoqué.", "Unknown or revoked API token."));
    if (tokens.size() > 10_000) {
      tokens.clear();
    }
    tokens.put(hash, new CachedPrincipal(principal, now.plus(TOKEN_CACHE)));
    return principal;
  }

  private static final Duration TOKEN_CACHE = Duration.ofSeconds(30);
  private final java.util.Map<String, CachedPrincipal> tokens = new java.util.concurrent.ConcurrentHashMap<>();

  private record CachedPrincipal(Principal principal, Instant until) {}

  /** Checks a login and password; the same answer whether the login exists or not. */
  public Optional<Principal> signIn(String login, String password) {
    Optional<Account> account = accounts.byLogin(login);
    // Hash even for an unknown login so that timing does not reveal which logins exist.
    String hash = account.map(Account::passwordHash).orElse(UNKNOWN_LOGIN_HASH);
    boolean ok = Password.check(password, hash).withBcrypt();
    return ok ? account.map(AccountService::principal) : Optional.empty();
  }

  /** Opens a web session; returns the secret to put in the cookie. */
  public String openSession(Principal principal) {
    String secret = Secrets.token("s_");
    Instant now = clock.instant();
    accounts.insertSession(Secrets.sha256Hex(secret), principal.accountId(), now, now.plus(SESSION_LENGTH));
    return secret;
  }

  public Optional<Principal> session(String secret) {
    return accounts.bySessionHash(Secrets.sha256Hex(secret), clock.instant()).map(AccountService::principal);
  }

  public void closeSession(String secret) {
    accounts.deleteSession(Secrets.sha256Hex(secret));
  }

  /** Creates an API token for the extension; the token is shown once and only its hash is kept. */
  public String createToken(Principal principal, String label) {
    String token = Secrets.token("vigie_");
    accounts.insertToken(Secrets.sha256Hex(token), principal.accountId(), label, clock.instant());
    return token;
  }

  public int tokenCount(Principal principal) {
    return accounts.countTokens(principal.accountId());
  }

  private static String hash(String password) {
    return Password.hash(password).withBcrypt().getResult();
  }

  private static final String UNKNOWN_LOGIN_HASH = hash(Secrets.password());

  private static Principal principal(Account a) {
    return new Principal(a.id(), a.login(), a.displayName(), a.role());
  }
}
