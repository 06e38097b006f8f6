package fr.vigie.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fr.vigie.account.AccountService;
import fr.vigie.canary.CanaryService;
import fr.vigie.capture.Capture;
import fr.vigie.capture.CaptureService;
import fr.vigie.response.Interventions;
import fr.vigie.capture.Downloads;
import fr.vigie.capture.EvidenceExport;
import fr.vigie.capture.FileRole;
import fr.vigie.capture.Verification;
import fr.vigie.web.ApiException;
import fr.vigie.web.Principal;
import fr.vigie.web.RateLimits;
import io.javalin.http.Context;
import java.util.Optional;

/** The supervisors' web view: sign-in, the capture queue, one capture, the account's API tokens. */
public final class ReviewController {

  private static final String COOKIE = Sessions.COOKIE;
  private final AccountService accounts;
  private final CaptureService captures;
  private final EvidenceExport export;
  private final CanaryService canary;
  private final Interventions interventions;
  private final RateLimits limits;
  private final Pages pages;
  private final Sessions sessions;
  private final ObjectMapper pretty = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public ReviewController(AccountService accounts, CaptureService captures, EvidenceExport export, CanaryService canary,
      Interventions interventions, RateLimits limits, Pages pages) {
    this.accounts = accounts;
    this.captures = captures;
    this.export = export;
    this.canary = canary;
    this.interventions = interventions;
    this.limits = limits;
    this.pages = pages;
    this.sessions = new Sessions(accounts);
  }

  public void home(Context ctx) {
    ctx.redirect(session(ctx).isPresent() ? "/captures" : "/login");
  }

  public void signInForm(Context ctx) {
    ctx.html(pages.render("login.jte", new PageModels.SignIn(null, safeNext(ctx.queryParam("next")))));
  }

  public void signIn(Context ctx) {
    String next = safeNext(ctx.formParam("next"));
    try {
      limits.checkSignIn(ctx.ip());
    } catch (ApiException.TooManyRequests e) {
      ctx.status(429).html(pages.render("login.jte", new PageModels.SignIn(e.getMessage(), next)));
      return;
    }
    String login = Optional.ofNullable(ctx.formParam("login")).orElse("").strip();
    String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
    Optional<Principal> principal = login.isEmpty() || password.isEmpty()
        ? Optional.empty() : accounts.signIn(login, password);
    if (principal.isEmpty()) {
      ctx.status(401).html(pages.render("login.jte",
          new PageModels.SignIn("Identifiant ou mot de passe incorrect.", next)));
      return;
    }
    String secret = accounts.openSession(principal.get());
    ctx.header("Set-Cookie", COOKIE + "=" + secret + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=43200");
    ctx.redirect(next);
  }

  public void signOut(Context ctx) {
    Optional<String> secret = Optional.ofNullable(ctx.cookie(COOKIE));
    if (secret.isPresent() && checkCsrf(ctx, secret.get())) {
      accounts.closeSession(secret.get());
    }
    ctx.header("Set-Cookie", COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    ctx.redirect("/login");
  }

  public void list(Context ctx) {
    withSession(ctx, (user, csrf) -> ctx.html(pages.render("captures.jte",
        new PageModels.Captures(user, csrf, captures.newestFirst(user, 200, 0)))));
  }

  public void detail(Context ctx) {
    withSession(ctx, (user, csrf) ->
        ctx.html(detailPage(user, csrf, captures.get(user, ctx.pathParam("id")), null, null)));
  }

  /** « Vérifier »: the same page with every file, the manifest, the link and the timestamp checked again. */
  public void verify(Context ctx) {
    withSession(ctx, (user, csrf) -> {
      Capture capture = captures.get(user, ctx.pathParam("id"));
      if (!csrf.equals(ctx.formParam("csrf"))) {
        ctx.status(403).html(detailPage(user, csrf, capture, null,
            "Le formulaire a expiré ou ne vient pas de cette page ; rechargez la page puis vérifiez à nouveau."));
        return;
      }
      Verification.OfCapture verification = captures.verify(user, capture.id());
      ctx.header("Cache-Control", "no-store").html(detailPage(user, csrf, capture, verification, null));
    });
  }

  public void screenshot(Context ctx) {
    withSession(ctx, (user, csrf) ->
        Downloads.send(ctx, captures.file(user, ctx.pathParam("id"), FileRole.SCREENSHOT.wire())));
  }

  public void file(Context ctx) {
    withSession(ctx, (user, csrf) ->
        Downloads.send(ctx, captures.file(user, ctx.pathParam("id"), ctx.pathParam("role"))));
  }

  /** « Exporter la preuve (ZIP) ». */
  public void export(Context ctx) {
    withSession(ctx, (user, csrf) -> Downloads.sendExport(ctx, export, captures.get(user, ctx.pathParam("id"))));
  }

  private String detailPage(Principal user, String csrf, Capture capture, Verification.OfCapture verification,
      String error) throws Exception {
    return pages.render("capture.jte", new PageModels.Detail(user, csrf, capture,
        pretty.writeValueAsString(capture.metadata()), verification, error, interventions.of(capture.id(), null, null)));
  }

  /** What the extension's adapters reported this week: a platform redesign shows here the same day. */
  public void adapters(Context ctx) {
    withSession(ctx, (user, csrf) -> ctx.html(pages.render("adapters.jte",
        new PageModels.Adapters(user, csrf, canary.lastWeek()))));
  }

  public void account(Context ctx) {
    withSession(ctx, (user, csrf) -> ctx.html(pages.render("account.jte",
        new PageModels.Account(user, csrf, accounts.tokenCount(user), null, serverUrl(ctx)))));
  }

  public void createToken(Context ctx) {
    withSession(ctx, (user, csrf) -> {
      if (!csrf.equals(ctx.formParam("csrf"))) {
        ctx.status(403).html(pages.render("account.jte",
            new PageModels.Account(user, csrf, accounts.tokenCount(user), null, serverUrl(ctx))));
        return;
      }
      String label = Optional.ofNullable(ctx.formParam("label")).map(String::strip).filter(s -> !s.isEmpty())
          .map(s -> s.length() > 200 ? s.substring(0, 200) : s).orElse("Extension Vigie");
      String token = accounts.createToken(user, label);
      ctx.header("Cache-Control", "no-store").html(pages.render("account.jte",
          new PageModels.Account(user, csrf, accounts.tokenCount(user), token, serverUrl(ctx))));
    });
  }

  private void withSession(Context ctx, Sessions.Page page) {
    sessions.withSession(ctx, page);
  }

  private Optional<Principal> session(Context ctx) {
    return Optional.ofNullable(ctx.cookie(COOKIE)).flatMap(accounts::session);
  }

  private static boolean checkCsrf(Context ctx, String secret) {
    return csrfFor(secret).equals(ctx.formParam("csrf"));
  }

  private static String csrfFor(String sessionSecret) {
    return Sessions.csrfFor(sessionSecret);
  }

  /** Only local paths, so a crafted link cannot send a user elsewhere after signing in. */
  private static String safeNext(String next) {
    return next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\") ? next : "/captures";
  }

  private static String serverUrl(Context ctx) {
    return ctx.scheme() + "://" + ctx.host();
  }
}
