package fr.vigie.review;

import fr.vigie.response.ClientSettings;
import fr.vigie.response.Kind;
import fr.vigie.response.ReportingHelp;
import fr.vigie.response.ResponseService;
import fr.vigie.response.Suggestion;
import fr.vigie.response.Template;
import fr.vigie.response.TemplateService;
import fr.vigie.web.ApiException;
import fr.vigie.web.Principal;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * The web view's response library: templates by label with their versions, the editor with a preview on a sample
 * post, the client's brand and country, the reporting help. CMs read; supervisors and admins edit.
 */
public final class ResponsePages {

  private final Sessions sessions;
  private final TemplateService templates;
  private final ResponseService responses;
  private final ClientSettings settings;
  private final ReportingHelp reporting;
  private final Pages pages;

  public ResponsePages(Sessions sessions, TemplateService templates, ResponseService responses, ClientSettings settings,
      ReportingHelp reporting, Pages pages) {
    this.sessions = sessions;
    this.templates = templates;
    this.responses = responses;
    this.settings = settings;
    this.reporting = reporting;
    this.pages = pages;
  }

  public void library(Context ctx) {
    sessions.withSession(ctx, (user, csrf) -> ctx.html(pages.render("responses.jte", libraryPage(user, csrf, null, null))));
  }

  public void saveSettings(Context ctx) {
    sessions.withSession(ctx, (user, csrf) -> {
      if (!csrf.equals(ctx.formParam("csrf"))) {
        ctx.status(403).html(pages.render("responses.jte", libraryPage(user, csrf, "Formulaire expiré : rechargez la page.", null)));
        return;
      }
      try {
        settings.change(user, new ClientSettings.Change(field(ctx, "brand"), field(ctx, "country")));
        ctx.redirect("/responses?saved=settings");
      } catch (ApiException e) {
        ctx.status(e.status()).html(pages.render("responses.jte", libraryPage(user, csrf, e.getMessage(), null)));
      }
    });
  }

  public void saveReporting(Context ctx) {
    sessions.withSession(ctx, (user, csrf) -> {
      if (!csrf.equals(ctx.formParam("csrf"))) {
        ctx.status(403).html(pages.render("responses.jte", libraryPage(user, csrf, "Formulaire expiré : rechargez la page.", null)));
        return;
      }
      try {
        reporting.edit(user, new ReportingHelp.Entry(ctx.pathParam("label"), ctx.pathParam("family"), required(ctx, "ruleFr"),
            required(ctx, "ruleEn"), required(ctx, "whereFr"), required(ctx, "whereEn"), null));
        ctx.redirect("/responses?saved=reporting#reporting");
      } catch (ApiException e) {
        ctx.status(e.status()).html(pages.render("responses.jte", libraryPage(user, csrf, e.getMessage(), null)));
      }
    });
  }

  public void editor(Context ctx) {
    sessions.withSession(ctx, (user, csrf) -> {
      Template t = templates.get(ctx.pathParam("id"));
      ctx.html(pages.render("template.jte", new PageModels.TemplateEditor(user, csrf, t, t.text(), null, null, null)));
    });
  }

  /** « Aperçu » renders the draft; « Enregistrer » saves it as a new version. Both keep the draft on error. */
  public void submit(Context ctx) {
    sessions.withSession(ctx, (user, csrf) -> {
      Template t = templates.get(ctx.pathParam("id"));
      String draft = Optional.ofNullable(ctx.formParam("text")).orElse("");
      if (!csrf.equals(ctx.formParam("csrf"))) {
        ctx.status(403).html(pages.render("template.jte", new PageModels.TemplateEditor(user, csrf, t, draft, null,
            "Formulaire expiré : rechargez la page.", null)));
        return;
      }
      String platform = Optional.ofNullable(ctx.formParam("platform")).filter(p -> p.matches("[a-z_]{1,20}")).orElse("x");
      try {
        if ("save".equals(ctx.formParam("action"))) {
          templates.edit(user, t.id(), draft);
          ctx.redirect("/responses/templates/" + t.id() + "?saved=1");
          return;
        }
        Suggestion.Option preview = preview(user, draft, platform, t);
        ctx.html(pages.render("template.jte", new PageModels.TemplateEditor(user, csrf, t, draft, preview, null, platform)));
      } catch (ApiException e) {
        ctx.status(e.status()).html(pages.render("template.jte", new PageModels.TemplateEditor(user, csrf, t, draft, null,
            e.getMessage(), platform)));
      }
    });
  }

  private Suggestion.Option preview(Principal user, String draft, String platform, Template t) {
    return responses.preview(user, draft, platform, Kind.fromWire(t.kind()), t.lang());
  }

  private PageModels.Responses libraryPage(Principal user, String csrf, String error, String notice) {
    return new PageModels.Responses(user, csrf, templates.list(null, null, null, false), settings.get(), reporting.all(),
        error, notice);
  }

  private static String field(Context ctx, String name) {
    return Optional.ofNullable(ctx.formParam(name)).orElse("").strip();
  }

  private static String required(Context ctx, String name) {
    String value = field(ctx, name);
    if (value.isEmpty() || value.length() > 2000) {
      throw new ApiException.BadRequest("invalid_field", "Le champ « " + name + " » doit contenir 1 à 2 000 caractères.",
          "Field " + name + " must hold 1 to 2,000 characters.");
    }
    return value;
  }
}
