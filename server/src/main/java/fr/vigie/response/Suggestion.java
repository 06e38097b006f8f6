package fr.vigie.response;

import java.util.List;

/**
 * Answer of POST /api/v1/responses/suggest (response-suggestion.schema.json): the best rendered template and
 * the alternatives, the helplines for a distress call, the reporting help, or a note when nothing is needed.
 */
public record Suggestion(String label, String lang, String country, String platform, Option best,
    List<Option> alternatives, Library.Helpline helplines, ReportingHelp.Shown reporting, String note) {

  /** One rendered template: what the CM pastes, and which template version it came from. */
  public record Option(String templateId, int version, String label, String kind, String lang, String text,
      int length, int limit, boolean shortened) {}
}
