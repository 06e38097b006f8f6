package fr.vigie.capture;

import fr.vigie.web.ApiAuth;
import fr.vigie.web.JsonInput;
import io.javalin.http.Context;
import java.util.List;

/** What makes a capture evidence: verify one or the chain, export the bundle, deleted sightings, captures of a page. */
public final class EvidenceController {

  /** Answer of GET /api/v1/captures/on-page (schema captures-on-page). */
  public record OnPageAnswer(List<CaptureRepository.OnPage> items) {}

  private final CaptureService captures;
  private final EvidenceExport export;
  private final JsonInput json;

  public EvidenceController(CaptureService captures, EvidenceExport export, JsonInput json) {
    this.captures = captures;
    this.export = export;
    this.json = json;
  }

  public void verify(Context ctx) {
    ctx.json(captures.verify(ApiAuth.principal(ctx), ctx.pathParam("id")));
  }

  public void verifyChain(Context ctx) {
    ctx.json(captures.verifyChain(ApiAuth.principal(ctx)));
  }

  public void export(Context ctx) {
    Downloads.sendExport(ctx, export, captures.get(ApiAuth.principal(ctx), ctx.pathParam("id")));
  }

  public void deleted(Context ctx) {
    DeletedSighting sighting = json.body(ctx, "deleted-sighting", DeletedSighting.class);
    ctx.json(captures.markDeleted(ApiAuth.principal(ctx), ctx.pathParam("id"), sighting));
  }

  public void onPage(Context ctx) {
    ctx.json(new OnPageAnswer(captures.onPage(ApiAuth.principal(ctx), ctx.queryParam("url"))));
  }
}
