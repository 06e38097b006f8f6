package fr.vigie.response;

import static fr.vigie.db.generated.Tables.REPORTING_HELP;

import fr.vigie.web.ApiException;
import fr.vigie.web.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Per label and platform family, the rule to cite and where to report (seed 004: first talk to the author,
 * then report with a solid argument). Seeded from reporting.json, then edited by supervisors.
 */
public final class ReportingHelp {

  /** Wire type reporting-help.schema.json. */
  public record Entry(String label, String family, String ruleFr, String ruleEn, String whereFr, String whereEn,
      String updatedBy) {}

  /** The part shown in a suggestion, in the post's language. */
  public record Shown(String rule, String where) {}

  static final List<String> FAMILIES = List.of("x", "facebook", "reddit", "forum", "any");
  private final DSLContext dsl;
  private final Clock clock;

  public ReportingHelp(DSLContext dsl, Clock clock) {
    this.dsl = dsl;
    this.clock = clock;
  }

  public void seedIfEmpty(Library library, List<String> labels) {
    if (dsl.fetchCount(REPORTING_HELP) > 0) {
      return;
    }
    dsl.transaction(c -> {
      for (String label : labels) {
        for (String family : FAMILIES) {
          Optional<Library.Reporting> fr = library.reporting(label, family, "fr");
          Optional<Library.Reporting> en = library.reporting(label, family, "en");
          if (fr.isPresent() && en.isPresent()) {
            put(c.dsl(), new Entry(label, family, fr.get().rule(), en.get().rule(), fr.get().where(), en.get().where(), "vigie"));
          }
        }
      }
    });
  }

  public List<Entry> all() {
    return dsl.selectFrom(REPORTING_HELP).orderBy(REPORTING_HELP.LABEL, REPORTING_HELP.FAMILY)
        .fetch(r -> new Entry(r.getLabel(), r.getFamily(), r.getRuleFr(), r.getRuleEn(), r.getWhereFr(),
            r.getWhereEn(), r.getUpdatedBy()));
  }

  /** What to show for a label on a platform, in French unless the language is English. */
  public Optional<Shown> forPost(String label, String platform, String lang) {
    String family = Library.familyOf(platform);
    Entry e = find(label, family).or(() -> find(label, "any")).orElse(null);
    if (e == null) {
      return Optional.empty();
    }
    return Optional.of("en".equals(lang) ? new Shown(e.ruleEn(), e.whereEn()) : new Shown(e.ruleFr(), e.whereFr()));
  }

  public Entry edit(Principal who, Entry entry) {
    TemplateService.mustEdit(who);
    if (!FAMILIES.contains(entry.family())) {
      throw new ApiException.BadRequest("unknown_family", "Famille de plateformes inconnue : " + entry.family()
          + " (x, facebook, reddit, forum ou any).", "Unknown platform family.");
    }
    Entry saved = new Entry(entry.label(), entry.family(), entry.ruleFr(), entry.ruleEn(), entry.whereFr(),
        entry.whereEn(), who.login());
    put(dsl, saved);
    return saved;
  }

  private Optional<Entry> find(String label, String family) {
    return dsl.selectFrom(REPORTING_HELP).where(REPORTING_HELP.LABEL.eq(label).and(REPORTING_HELP.FAMILY.eq(family)))
        .fetchOptional(r -> new Entry(r.getLabel(), r.getFamily(), r.getRuleFr(), r.getRuleEn(), r.getWhereFr(),
            r.getWhereEn(), r.getUpdatedBy()));
  }

  private void put(DSLContext dsl, Entry e) {
    var now = TemplateRepository.utc(clock.instant());
    dsl.insertInto(REPORTING_HELP)
        .set(REPORTING_HELP.LABEL, e.label()).set(REPORTING_HELP.FAMILY, e.family())
        .set(REPORTING_HELP.RULE_FR, e.ruleFr()).set(REPORTING_HELP.RULE_EN, e.ruleEn())
        .set(REPORTING_HELP.WHERE_FR, e.whereFr()).set(REPORTING_HELP.WHERE_EN, e.whereEn())
        .set(REPORTING_HELP.UPDATED_BY, e.updatedBy()).set(REPORTING_HELP.UPDATED_AT, now)
        .onConflict(REPORTING_HELP.LABEL, REPORTING_HELP.FAMILY).doUpdate()
        .set(REPORTING_HELP.RULE_FR, e.ruleFr()).set(REPORTING_HELP.RULE_EN, e.ruleEn())
        .set(REPORTING_HELP.WHERE_FR, e.whereFr()).set(REPORTING_HELP.WHERE_EN, e.whereEn())
        .set(REPORTING_HELP.UPDATED_BY, e.updatedBy()).set(REPORTING_HELP.UPDATED_AT, now)
        .execute();
  }
}
