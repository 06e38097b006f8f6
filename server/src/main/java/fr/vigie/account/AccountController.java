package fr.vigie.account;

import fr.vigie.web.ApiAuth;
import fr.vigie.web.Principal;
import io.javalin.http.Context;

/** GET /api/v1/me: who the token belongs to; the extension's options page uses it to check the token. */
public final class AccountController {

  public record Me(String login, String displayName, String role) {}

  public void me(Context ctx) {
    Principal p = ApiAuth.principal(ctx);
    ctx.json(new Me(p.login(), p.displayName(), p.role().wire()));
  }
}
