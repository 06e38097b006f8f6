package fr.vigie.response;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A response template at its current version; {@code versions} (newest first) only when one template is asked
 * for. Wire type: template.schema.json.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Template(String id, String label, String lang, String kind, int version, String text,
    String updatedBy, Instant updatedAt, boolean archived, List<Version> versions) {

  /** One version of a template's text: every edit adds one. */
  public record Version(int version, String text, String author, Instant at) {}

  Template withVersions(List<Version> all) {
    return new Template(id, label, lang, kind, version, text, updatedBy, updatedAt, archived, List.copyOf(all));
  }
}
