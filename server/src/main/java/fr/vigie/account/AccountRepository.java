package fr.vigie.account;

import static fr.vigie.db.generated.Tables.ACCOUNT;
import static fr.vigie.db.generated.Tables.API_TOKEN;
import static fr.vigie.db.generated.Tables.WEB_SESSION;

import fr.vigie.db.generated.tables.records.AccountRecord;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;

/** Accounts, API tokens and web sessions in the database. Secrets are only ever stored as SHA-256. */
public final class AccountRepository {

  private final DSLContext dsl;

  public AccountRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  public int count() {
    return dsl.fetchCount(ACCOUNT);
  }

  public void insert(Account account) {
    dsl.insertInto(ACCOUNT)
        .set(ACCOUNT.ID, account.id())
        .set(ACCOUNT.LOGIN, account.login())
        .set(ACCOUNT.DISPLAY_NAME, account.displayName())
        .set(ACCOUNT.ROLE, account.role().wire())
        .set(ACCOUNT.PASSWORD_HASH, account.passwordHash())
        .set(ACCOUNT.CREATED_AT, utc(account.createdAt()))
        .execute();
  }

  public Optional<Account> byLogin(String login) {
    return dsl.selectFrom(ACCOUNT).where(ACCOUNT.LOGIN.eq(login)).fetchOptional().map(AccountRepository::toAccount);
  }

  public Optional<Account> byId(String id) {
    return dsl.selectFrom(ACCOUNT).where(ACCOUNT.ID.eq(id)).fetchOptional().map(AccountRepository::toAccount);
  }

  public Optional<Account> firstAdmin() {
    return dsl.selectFrom(ACCOUNT).where(ACCOUNT.ROLE.eq(Role.ADMIN.wire())).orderBy(ACCOUNT.CREATED_AT)
        .limit(1).fetchOptional().map(AccountRepository::toAccount);
  }

  public void insertToken(String tokenHash, String accountId, String label, Instant now) {
    dsl.insertInto(API_TOKEN)
        .set(API_TOKEN.TOKEN_HASH, tokenHash)
        .set(API_TOKEN.ACCOUNT_ID, accountId)
        .set(API_TOKEN.LABEL, label)
        .set(API_TOKEN.CREATED_AT, utc(now))
        .execute();
  }

  public Optional<Account> byTokenHash(String tokenHash) {
    return dsl.select(ACCOUNT.fields()).from(API_TOKEN).join(ACCOUNT).on(ACCOUNT.ID.eq(API_TOKEN.ACCOUNT_ID))
        .where(API_TOKEN.TOKEN_HASH.eq(tokenHash))
        .fetchOptional().map(r -> toAccount(r.into(ACCOUNT)));
  }

  public int countTokens(String accountId) {
    return dsl.fetchCount(API_TOKEN, API_TOKEN.ACCOUNT_ID.eq(accountId));
  }

  public void insertSession(String sessionHash, String accountId, Instant now, Instant expiresAt) {
    dsl.insertInto(WEB_SESSION)
        .set(WEB_SESSION.SESSION_HASH, sessionHash)
        .set(WEB_SESSION.ACCOUNT_ID, accountId)
        .set(WEB_SESSION.CREATED_AT, utc(now))
        .set(WEB_SESSION.EXPIRES_AT, utc(expiresAt))
        .execute();
  }

  public Optional<Account> bySessionHash(String sessionHash, Instant now) {
    return dsl.select(ACCOUNT.fields()).from(WEB_SESSION).join(ACCOUNT).on(ACCOUNT.ID.eq(WEB_SESSION.ACCOUNT_ID))
        .where(WEB_SESSION.SESSION_HASH.eq(sessionHash).and(WEB_SESSION.EXPIRES_AT.gt(utc(now))))
        .fetchOptional().map(r -> toAccount(r.into(ACCOUNT)));
  }

  public void deleteSession(String sessionHash) {
    dsl.deleteFrom(WEB_SESSION).where(WEB_SESSION.SESSION_HASH.eq(sessionHash)).execute();
  }

  private static Account toAccount(AccountRecord r) {
    return new Account(r.getId(), r.getLogin(), r.getDisplayName(), Role.fromWire(r.getRole()), r.getPasswordHash(),
        r.getCreatedAt().toInstant(ZoneOffset.UTC));
  }

  static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
