package fr.vigie.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The data shipped in resources/responses/: the default templates (copied into the database on first start),
 * the helplines by country and the reporting help by label and platform.
 */
public final class Library {

  /** One default template as shipped. */
  public record DefaultTemplate(String label, String lang, Kind kind, String text) {}

  /** A country's lines in one language. */
  public record Helpline(String helpline, String other, String emergency) {}

  /** The rule to cite and where to report, in one language. */
  public record Reporting(String rule, String where) {}

  private final List<DefaultTemplate> templates;
  private final JsonNode helplines;
  private final JsonNode reporting;

  public Library(ObjectMapper mapper) {
    this.helplines = read(mapper, "helplines.json");
    this.reporting = read(mapper, "reporting.json");
    List<DefaultTemplate> list = new ArrayList<>();
    for (JsonNode t : read(mapper, "templates.json").path("templates")) {
      Kind kind = Kind.fromWire(t.path("kind").asText());
      String text = t.path("text").asText();
      if (kind == null || !Renderer.problems(text).isEmpty()) {
        throw new IllegalStateException("bad default template " + t + ": " + Renderer.problems(text));
      }
      list.add(new DefaultTemplate(t.path("label").asText(), t.path("lang").asText(), kind, text));
    }
    this.templates = List.copyOf(list);
  }

  public List<DefaultTemplate> templates() {
    return templates;
  }

  /** Countries with helplines (ISO 3166 codes). */
  public List<String> countries() {
    List<String> out = new ArrayList<>();
    helplines.path("countries").fieldNames().forEachRemaining(out::add);
    return out;
  }

  public String defaultCountry() {
    return helplines.path("default").asText("FR");
  }

  /** The country's lines in the language, falling back to the default country, then to French. */
  public Helpline helpline(String country, String lang) {
    JsonNode c = helplines.path("countries").path(country);
    if (c.isMissingNode()) {
      c = helplines.path("countries").path(defaultCountry());
    }
    JsonNode l = c.has(lang) ? c.path(lang) : c.path("fr");
    return new Helpline(l.path("helpline").asText(), l.path("other").asText(), l.path("emergency").asText());
  }

  /** The platform family (x, facebook, reddit, forum) reporting help is written for. */
  static String familyOf(String platform) {
    switch (platform == null ? "" : platform) {
      case "x":
      case "facebook":
      case "reddit":
        return platform;
      default:
        return "forum";
    }
  }

  /** Reporting help for the label and family as shipped (the seed of the reporting_help table). */
  Optional<Reporting> reporting(String label, String family, String lang) {
    JsonNode entry = reporting.path("labels").path(label).path(family);
    if (entry.isMissingNode()) {
      return Optional.empty();
    }
    String l = "en".equals(lang) ? "en" : "fr";
    return Optional.of(new Reporting(entry.path("rule").path(l).asText(), entry.path("where").path(l).asText()));
  }

  private static JsonNode read(ObjectMapper mapper, String name) {
    try (InputStream in = Library.class.getResourceAsStream("/responses/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource /responses/" + name);
      }
      return mapper.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
