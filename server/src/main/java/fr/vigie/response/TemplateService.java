package fr.vigie.response;

import fr.vigie.classification.Taxonomy;
import fr.vigie.db.Ids;
import fr.vigie.web.ApiException;
import fr.vigie.web.Principal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Template library: the shipped defaults on first start, then versioned edits by supervisors. No HTTP here. */
public final class TemplateService {

  /** Body of POST /api/v1/templates (template-input.schema.json); only text for PUT. */
  public record Input(String label, String lang, String kind, String text) {}

  private final TemplateRepository templates;
  private final Taxonomy taxonomy;
  private final Ids ids;
  private final Clock clock;

  public TemplateService(TemplateRepository templates, Taxonomy taxonomy, Ids ids, Clock clock) {
    this.templates = templates;
    this.taxonomy = taxonomy;
    this.ids = ids;
    this.clock = clock;
  }

  /** Copies the shipped library into an empty database, as version 1 by « vigie ». */
  public void seedIfEmpty(Library library) {
    if (!templates.isEmpty()) {
      return;
    }
    templates.createAll(library.templates(), ids::next, "vigie", clock.instant());
  }

  public List<Template> list(String label, String lang, String kind, boolean withArchived) {
    return templates.current(withArchived).stream()
        .filter(t -> label == null || t.label().equals(label))
        .filter(t -> lang == null || t.lang().equals(lang))
        .filter(t -> kind == null || t.kind().equals(kind))
        .toList();
  }

  /** Active templates, for the selection of a suggestion. */
  List<Template> active() {
    return templates.current(false);
  }

  public Template get(String id) {
    Template t = templates.byId(id).orElseThrow(() -> notFound(id));
    return t.withVersions(templates.versions(id));
  }

  /** A template's text as it was at that version (an intervention names the version it used). */
  public Template.Version version(String id, int version) {
    return templates.version(id, version).orElseThrow(() -> new ApiException.NotFound(
        "Aucune version " + version + " du modèle " + id + ".", "No version " + version + " of template " + id + "."));
  }

  public Template create(Principal who, Input input) {
    mustEdit(who);
    Kind kind = Kind.fromWire(input.kind());
    if (!taxonomy.labels().contains(input.label()) || kind == null) {
      throw new ApiException.BadRequest("invalid_template", "Étiquette ou type de réponse inconnu : "
          + input.label() + " / " + input.kind() + ".", "Unknown label or kind.");
    }
    checkText(input.text());
    String id = ids.next();
    templates.create(id, input.label(), input.lang(), kind, input.text(), who.login(), clock.instant());
    return get(id);
  }

  public Template edit(Principal who, String id, String text) {
    mustEdit(who);
    checkText(text);
    templates.addVersion(id, text, who.login(), clock.instant()).orElseThrow(() -> notFound(id));
    return get(id);
  }

  public void archive(Principal who, String id) {
    mustEdit(who);
    if (!templates.archive(id)) {
      throw notFound(id);
    }
  }

  static void checkText(String text) {
    List<String> problems = new ArrayList<>(Renderer.problems(text));
    if (!problems.isEmpty()) {
      throw new ApiException.BadRequest("invalid_template", "Modèle refusé : " + String.join(" ", problems),
          "Template refused: check its optional passages and variables.", problems);
    }
  }

  static void mustEdit(Principal who) {
    if (!who.canReview()) {
      throw new ApiException.Forbidden("Seuls les superviseurs et administrateurs modifient les modèles de réponse.",
          "Only supervisors and admins edit response templates.");
    }
  }

  private static ApiException notFound(String id) {
    return new ApiException.NotFound("Aucun modèle de réponse " + id + ".", "No response template " + id + ".");
  }
}
