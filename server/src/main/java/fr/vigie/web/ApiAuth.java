package fr.vigie.web;

import fr.vigie.account.AccountService;
import io.javalin.http.Context;
import java.util.Locale;

/** Bearer-token authentication for /api/v1, except the open health check. */
public final class ApiAuth {

  private static final String PRINCIPAL = "vigie.principal";
  private final AccountService accounts;
  private final RateLimits limits;

  public ApiAuth(AccountService accounts, RateLimits limits) {
    this.accounts = accounts;
    this.limits = limits;
  }

  /** Runs before every matched /api/v1 route. */
  public void check(Context ctx) {
    if (ctx.path().equals("/api/v1/health")) {
      return;
    }
    String header = ctx.header("Authorization");
    if (header == null || header.isBlank()) {
      throw new ApiException.Unauthorized("En-tête Authorization manquant : envoyez « Authorization: Bearer <jeton> ».",
          "Missing Authorization header: send \"Authorization: Bearer <token>\".");
    }
    if (!header.toLowerCase(Locale.ROOT).startsWith("bearer ") || header.substring(7).isBlank()) {
      throw new ApiException.Unauthorized("L'en-tête Authorization doit être de la forme « Bearer <jeton> ».",
          "The Authorization header must be \"Bearer <token>\".");
    }
    Principal principal = accounts.authenticateToken(header.substring(7).trim());
    limits.checkApi(principal.accountId());
    ctx.attribute(PRINCIPAL, principal);
  }

  public static Principal principal(Context ctx) {
    Principal p = ctx.attribute(PRINCIPAL);
    if (p == null) {
      throw new IllegalStateException("route reached without authentication: " + ctx.path());
    }
    return p;
  }
}
