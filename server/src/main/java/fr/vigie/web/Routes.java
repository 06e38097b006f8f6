package fr.vigie.web;

import fr.vigie.account.AccountController;
import fr.vigie.canary.CanaryController;
import fr.vigie.capture.CaptureController;
import fr.vigie.capture.EvidenceController;
import fr.vigie.classification.ClassificationController;
import fr.vigie.review.ReviewController;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;

/** The whole HTTP surface of Vigie on one screen. */
public record Routes(
    ApiAuth apiAuth,
    HealthController health,
    AccountController account,
    ClassificationController classification,
    EchoController echo,
    CaptureController captures,
    EvidenceController evidence,
    CanaryController canary,
    ReviewController review) {

  public void register(JavalinConfig cfg) {
    cfg.staticFiles.add(files -> {
      files.hostedPath = "/public";
      files.directory = "/public";
      files.location = Location.CLASSPATH;
    });
    cfg.routes.before(SecurityHeaders::apply);
    cfg.routes.beforeMatched("/api/v1/*", apiAuth::check);

    // API, for the extension and scripts (bearer token; health is open)
    cfg.routes.get("/api/v1/health", health::get);
    cfg.routes.get("/api/v1/me", account::me);
    cfg.routes.post("/api/v1/classify", classification::classify);
    cfg.routes.post("/api/v1/echo", echo::echo); // benchmark baseline for classify (benchmarks/)
    cfg.routes.post("/api/v1/captures", captures::create);
    cfg.routes.get("/api/v1/captures", captures::list);
    cfg.routes.get("/api/v1/captures/verify", evidence::verifyChain); // before {id}: "verify" is not an id
    cfg.routes.get("/api/v1/captures/on-page", evidence::onPage);
    cfg.routes.get("/api/v1/captures/{id}", captures::get);
    cfg.routes.get("/api/v1/captures/{id}/screenshot", captures::screenshot);
    cfg.routes.get("/api/v1/captures/{id}/files/{role}", captures::file);
    cfg.routes.get("/api/v1/captures/{id}/verify", evidence::verify);
    cfg.routes.get("/api/v1/captures/{id}/export", evidence::export);
    cfg.routes.post("/api/v1/captures/{id}/deleted", evidence::deleted);
    cfg.routes.post("/api/v1/adapter-health", canary::report);
    cfg.routes.get("/api/v1/adapter-health", canary::summary);

    // Web view, for supervisors (session cookie)
    cfg.routes.get("/", review::home);
    cfg.routes.get("/login", review::signInForm);
    cfg.routes.post("/login", review::signIn);
    cfg.routes.post("/logout", review::signOut);
    cfg.routes.get("/captures", review::list);
    cfg.routes.get("/captures/{id}", review::detail);
    cfg.routes.get("/captures/{id}/screenshot", review::screenshot);
    cfg.routes.get("/captures/{id}/files/{role}", review::file);
    cfg.routes.post("/captures/{id}/verify", review::verify);
    cfg.routes.get("/captures/{id}/export", review::export);
    cfg.routes.get("/adapters", review::adapters);
    cfg.routes.get("/account", review::account);
    cfg.routes.post("/account/tokens", review::createToken);

    ErrorMapper.register(cfg.routes);
  }
}
