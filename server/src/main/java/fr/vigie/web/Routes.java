package fr.vigie.web;

import fr.vigie.account.AccountController;
import fr.vigie.canary.CanaryController;
import fr.vigie.capture.CaptureController;
import fr.vigie.capture.EvidenceController;
import fr.vigie.classification.ClassificationController;
import fr.vigie.response.ResponseController;
import fr.vigie.review.ResponsePages;
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
    ResponseController responses,
    ReviewController review,
    ResponsePages responsePages) {

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
    cfg.routes.post("/api/v1/responses/suggest", responses::suggest);
    cfg.routes.get("/api/v1/templates", responses::listTemplates);
    cfg.routes.post("/api/v1/templates", responses::createTemplate);
    cfg.routes.post("/api/v1/templates/preview", responses::preview);
    cfg.routes.get("/api/v1/templates/{id}", responses::getTemplate);
    cfg.routes.put("/api/v1/templates/{id}", responses::editTemplate);
    cfg.routes.delete("/api/v1/templates/{id}", responses::archiveTemplate);
    cfg.routes.get("/api/v1/settings", responses::getSettings);
    cfg.routes.put("/api/v1/settings", responses::putSettings);
    cfg.routes.get("/api/v1/reporting-help", responses::listReporting);
    cfg.routes.put("/api/v1/reporting-help/{label}/{family}", responses::putReporting);
    cfg.routes.post("/api/v1/interventions", responses::recordIntervention);
    cfg.routes.get("/api/v1/interventions", responses::listInterventions);

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
    cfg.routes.get("/responses", responsePages::library);
    cfg.routes.post("/responses/settings", responsePages::saveSettings);
    cfg.routes.post("/responses/reporting/{label}/{family}", responsePages::saveReporting);
    cfg.routes.get("/responses/templates/{id}", responsePages::editor);
    cfg.routes.post("/responses/templates/{id}", responsePages::submit);
    cfg.routes.get("/account", review::account);
    cfg.routes.post("/account/tokens", review::createToken);

    ErrorMapper.register(cfg.routes);
  }
}
