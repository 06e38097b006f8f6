package fr.vigie.response;

import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.web.ApiAuth;
import fr.vigie.web.ApiException;
import fr.vigie.web.JsonInput;
import io.javalin.http.Context;
import java.util.List;

/** /api/v1/responses/suggest, /templates, /settings, /reporting-help, /interventions: reads and writes HTTP only. */
public final class ResponseController {

  /** Answer of GET /api/v1/templates. */
  public record TemplatePage(List<Template> items) {}

  /** Answer of GET /api/v1/reporting-help. */
  public record ReportingPage(List<ReportingHelp.Entry> items) {}

  /** Body of POST /api/v1/templates/preview and answer. */
  public record Preview(String text, String platform, String kind, String lang) {}

  private final JsonInput json;
  private final ResponseService responses;
  private final TemplateService templates;
  private final ClientSettings settings;
  private final ReportingHelp reporting;
  private final Interventions interventions;

  public ResponseController(JsonInput json, ResponseService responses, TemplateService templates,
      ClientSettings settings, ReportingHelp reporting, Interventions interventions) {
    this.json = json;
    this.responses = responses;
    this.templates = templates;
    this.settings = settings;
    this.reporting = reporting;
    this.interventions = interventions;
  }

  public void suggest(Context ctx) {
    ctx.json(responses.suggest(ApiAuth.principal(ctx), json.body(ctx, "response-suggest-request", JsonNode.class)));
  }

  public void listTemplates(Context ctx) {
    ctx.json(new TemplatePage(templates.list(ctx.queryParam("label"), ctx.queryParam("lang"), ctx.queryParam("kind"),
        "true".equals(ctx.queryParam("archived")))));
  }

  public void getTemplate(Context ctx) {
    ctx.json(templates.get(ctx.pathParam("id")));
  }

  public void createTemplate(Context ctx) {
    TemplateService.Input input = json.body(ctx, "template-input", TemplateService.Input.class);
    ctx.status(201).json(templates.create(ApiAuth.principal(ctx), input));
  }

  public void editTemplate(Context ctx) {
    TemplateService.Input input = json.body(ctx, "template-input", TemplateService.Input.class);
    Template current = templates.get(ctx.pathParam("id"));
    if (!current.label().equals(input.label()) || !current.lang().equals(input.lang())
        || !current.kind().equals(input.kind())) {
      throw new ApiException.BadRequest("template_identity", "Un modèle garde son étiquette, sa langue et son type : "
          + "créez-en un autre pour " + input.label() + " / " + input.lang() + " / " + input.kind() + ".",
          "A template keeps its label, language and kind: create another one.");
    }
    ctx.json(templates.edit(ApiAuth.principal(ctx), ctx.pathParam("id"), input.text()));
  }

  public void archiveTemplate(Context ctx) {
    templates.archive(ApiAuth.principal(ctx), ctx.pathParam("id"));
    ctx.status(204);
  }

  public void preview(Context ctx) {
    Preview in = json.body(ctx, "template-preview", Preview.class);
    ctx.json(responses.preview(ApiAuth.principal(ctx), in.text(), in.platform(), Kind.fromWire(in.kind()), in.lang()));
  }

  public void getSettings(Context ctx) {
    ctx.json(settings.get());
  }

  public void putSettings(Context ctx) {
    ctx.json(settings.change(ApiAuth.principal(ctx), json.body(ctx, "client-settings-change", ClientSettings.Change.class)));
  }

  public void listReporting(Context ctx) {
    ctx.json(new ReportingPage(reporting.all()));
  }

  public void putReporting(Context ctx) {
    ReportingHelp.Entry in = json.body(ctx, "reporting-help", ReportingHelp.Entry.class);
    if (!in.label().equals(ctx.pathParam("label")) || !in.family().equals(ctx.pathParam("family"))) {
      throw new ApiException.BadRequest("path_mismatch", "L’étiquette et la famille du corps doivent être celles de l’adresse.",
          "Body label and family must match the path.");
    }
    ctx.json(reporting.edit(ApiAuth.principal(ctx), in));
  }

  public void recordIntervention(Context ctx) {
    ctx.status(201).json(interventions.record(ApiAuth.principal(ctx), json.body(ctx, "intervention-input", Interventions.Input.class)));
  }

  public void listInterventions(Context ctx) {
    String capture = ctx.queryParam("captureId");
    String platform = ctx.queryParam("platform");
    String post = ctx.queryParam("postId");
    if (capture == null && (platform == null || post == null)) {
      throw new ApiException.BadRequest("missing_parameter", "Indiquez captureId, ou platform et postId.",
          "Give captureId, or platform and postId.");
    }
    ctx.json(new Interventions.Page(interventions.of(capture, platform, post)));
  }
}
