package fr.vigie.review;

import fr.vigie.account.AccountService;
import fr.vigie.account.Secrets;
import fr.vigie.web.Principal;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The web view's session cookie and per-session CSRF token, shared by its controllers. */
public final class Sessions {

  static final String COOKIE = "vigie_session";
  private final AccountService accounts;

  /** A page rendered for a signed-in user. */
  public interface Page {
    void render(Principal user, String csrf) throws Exception;
  }

  public Sessions(AccountService accounts) {
    this.accounts = accounts;
  }

  Optional<Principal> user(Context ctx) {
    return Optional.ofNullable(ctx.cookie(COOKIE)).flatMap(accounts::session);
  }

  /** Runs the page for a signed-in user, or sends the browser to the sign-in form and back here after. */
  public void withSession(Context ctx, Page page) {
    Optional<String> secret = Optional.ofNullable(ctx.cookie(COOKIE));
    Optional<Principal> user = secret.flatMap(accounts::session);
    if (user.isEmpty()) {
      ctx.redirect("/login?next=" + URLEncoder.encode(ctx.path(), StandardCharsets.UTF_8));
      return;
    }
    try {
      page.render(user.get(), csrfFor(secret.get()));
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A per-session token for forms, derived from the session secret the page cannot read (HttpOnly). */
  static String csrfFor(String sessionSecret) {
    return Secrets.sha256Hex("csrf:" + sessionSecret);
  }
}
