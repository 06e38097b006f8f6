package fr.vigie.response;

import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.account.Secrets;
import fr.vigie.classification.Taxonomy;
import fr.vigie.web.Principal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses and renders the response for a post: the template of its most serious label (distress first among
 * critical ones: a person in danger gets the helplines even when the message also threatens), in the post's
 * language, for the client's country, within the platform's limit. Never posts anything.
 */
public final class ResponseService {

  private static final int MAX_ALTERNATIVES = 4;
  private final TemplateService templates;
  private final ClientSettings settings;
  private final ReportingHelp reporting;
  private final Library library;
  private final Taxonomy taxonomy;

  public ResponseService(TemplateService templates, ClientSettings settings, ReportingHelp reporting, Library library,
      Taxonomy taxonomy) {
    this.templates = templates;
    this.settings = settings;
    this.reporting = reporting;
    this.library = library;
    this.taxonomy = taxonomy;
  }

  /** @param request a body already checked against response-suggest-request.schema.json */
  public Suggestion suggest(Principal cm, JsonNode request) {
    JsonNode post = request.path("post");
    String platform = post.path("platform").asText();
    String lang = language(request.path("classification").path("language").asText(null), post.path("lang").asText(null));
    ClientSettings.Values client = settings.get();
    String country = request.hasNonNull("country") ? request.path("country").asText() : client.country();
    Optional<String> label = mainLabel(request.path("classification").path("labels"));
    if (label.isEmpty()) {
      String note = "fr".equals(lang) ? "Message sans risque : aucune réponse n’est nécessaire."
          : "No risk found: no response is needed.";
      return new Suggestion(null, lang, country, platform, null, List.of(), null, null, note);
    }
    Library.Helpline lines = library.helpline(country, lang);
    Vars vars = vars(cm, request, post, client.brand(), lang, lines);
    Kind wanted = Optional.ofNullable(Kind.fromWire(request.path("kind").asText(null))).orElse(Kind.PUBLIC_REPLY);
    List<Template> active = templates.active();
    List<Suggestion.Option> options = new ArrayList<>();
    pick(active, label.get(), wanted, lang).ifPresent(t -> options.add(render(t, vars, platform)));
    for (Kind kind : Kind.values()) {
      if (kind != wanted) {
        pick(active, label.get(), kind, lang).ifPresent(t -> options.add(render(t, vars, platform)));
      }
    }
    for (String other : labels(request.path("classification").path("labels"))) {
      if (!other.equals(label.get()) && options.size() <= MAX_ALTERNATIVES) {
        pick(active, other, Kind.PUBLIC_REPLY, lang).ifPresent(t -> options.add(render(t, vars, platform)));
      }
    }
    Suggestion.Option best = options.isEmpty() ? null : options.get(0);
    List<Suggestion.Option> alternatives = options.size() <= 1 ? List.of()
        : List.copyOf(options.subList(1, Math.min(options.size(), MAX_ALTERNATIVES + 1)));
    String note = best != null ? null : ("fr".equals(lang) ? "Aucun modèle actif pour « " + label.get() + " » : "
        + "demandez à votre superviseur d’en créer un." : "No active template for \"" + label.get() + "\".");
    return new Suggestion(label.get(), lang, country, platform, best, alternatives,
        "distress".equals(label.get()) ? lines : null, reporting.forPost(label.get(), platform, lang).orElse(null), note);
  }

  /** A template's text rendered on a sample post, for the editor's preview. */
  public Suggestion.Option preview(Principal cm, String text, String platform, Kind kind, String lang) {
    TemplateService.checkText(text);
    ClientSettings.Values client = settings.get();
    Library.Helpline lines = library.helpline(client.country(), lang);
    String sample = "fr".equals(lang) ? "Ça fait trois semaines que j’attends ma commande et personne ne répond au téléphone."
        : "I have been waiting three weeks for my order and nobody answers the phone.";
    String brand = !client.brand().isBlank() ? client.brand() : ("fr".equals(lang) ? "Service client" : "Customer Care");
    Vars vars = new Vars("Léa Martin", "Léa", sample, brand, lines.helpline(), lines.other(), lines.emergency(),
        cm.displayName(), "VG-EXEMPLE");
    Renderer.Rendered r = Renderer.render(text, vars, platform, kind);
    return new Suggestion.Option(null, 0, null, kind.wire(), lang, r.text(), r.length(), r.limit(), r.shortened());
  }

  private Vars vars(Principal cm, JsonNode request, JsonNode post, String brand, String lang, Library.Helpline lines) {
    String name = post.path("author").path("name").asText("");
    String handle = post.path("author").path("handle").asText(null);
    String caseRef = request.hasNonNull("captureId") ? request.path("captureId").asText()
        : "VG-" + Secrets.sha256Hex((post.path("platform").asText() + ":" + post.path("postId").asText())
            .getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 8).toUpperCase(Locale.ROOT);
    String brandShown = !brand.isBlank() ? brand : ("fr".equals(lang) ? "Service client" : "Customer Care");
    return new Vars(Names.author(name, handle), Names.firstName(name, handle),
        Quotes.shorten(post.path("text").asText(""), Quotes.DEFAULT_MAX), brandShown, lines.helpline(),
        lines.other(), lines.emergency(), cm.displayName(), caseRef);
  }

  /** The most serious label; among equals, the taxonomy's order (distress before threat), then the score. */
  private Optional<String> mainLabel(JsonNode labels) {
    List<String> known = new ArrayList<>(taxonomy.labels());
    List<JsonNode> list = new ArrayList<>();
    labels.forEach(l -> {
      if (known.contains(l.path("label").asText())) {
        list.add(l);
      }
    });
    return list.stream().sorted(Comparator
            .comparingInt((JsonNode l) -> -taxonomy.riskOf(l.path("label").asText()).ordinal())
            .thenComparingInt(l -> known.indexOf(l.path("label").asText()))
            .thenComparingDouble(l -> -l.path("score").asDouble()))
        .map(l -> l.path("label").asText()).findFirst();
  }

  private List<String> labels(JsonNode labels) {
    List<String> out = new ArrayList<>();
    labels.forEach(l -> {
      if (taxonomy.labels().contains(l.path("label").asText())) {
        out.add(l.path("label").asText());
      }
    });
    return out;
  }

  private static Optional<Template> pick(List<Template> active, String label, Kind kind, String lang) {
    Optional<Template> same = active.stream()
        .filter(t -> t.label().equals(label) && t.kind().equals(kind.wire()) && t.lang().equals(lang)).findFirst();
    return same.or(() -> active.stream().filter(t -> t.label().equals(label) && t.kind().equals(kind.wire())).findFirst());
  }

  private static Suggestion.Option render(Template t, Vars vars, String platform) {
    Renderer.Rendered r = Renderer.render(t.text(), vars, platform, Kind.fromWire(t.kind()));
    return new Suggestion.Option(t.id(), t.version(), t.label(), t.kind(), t.lang(), r.text(), r.length(), r.limit(),
        r.shortened());
  }

  /** fr or en: the engine's language first, then the page's lang attribute, French by default. */
  static String language(String classified, String pageLang) {
    for (String candidate : new String[] {classified, pageLang}) {
      if (candidate != null && candidate.toLowerCase(Locale.ROOT).startsWith("en")) {
        return "en";
      }
      if (candidate != null && candidate.toLowerCase(Locale.ROOT).startsWith("fr")) {
        return "fr";
      }
    }
    return "fr";
  }
}
