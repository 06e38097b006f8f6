package fr.vigie.canary;

import fr.vigie.web.ApiAuth;
import fr.vigie.web.JsonInput;
import io.javalin.http.Context;
import java.util.List;

/** POST /api/v1/adapter-health (the extension's canary) and GET for the last week's summary. */
public final class CanaryController {

  /** Answer of GET /api/v1/adapter-health. */
  public record Summary(List<AdapterSummary> items) {}

  private final JsonInput json;
  private final CanaryService canary;

  public CanaryController(JsonInput json, CanaryService canary) {
    this.json = json;
    this.canary = canary;
  }

  public void report(Context ctx) {
    canary.record(ApiAuth.principal(ctx), json.body(ctx, "adapter-health", AdapterReport.class));
    ctx.status(204);
  }

  public void summary(Context ctx) {
    ctx.json(new Summary(canary.lastWeek()));
  }
}
