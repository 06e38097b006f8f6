package fr.vigie.response;

import static fr.vigie.db.generated.Tables.CLIENT_SETTING;

import fr.vigie.web.ApiException;
import fr.vigie.web.Principal;
import java.time.Clock;
import java.util.List;
import org.jooq.DSLContext;

/** The client's settings responses depend on: the brand's name and the country whose helplines are given. */
public final class ClientSettings {

  /** Wire type client-settings.schema.json; countries is read-only (the helplines the library knows). */
  public record Values(String brand, String country, List<String> countries) {}

  /** What a supervisor may change (PUT /api/v1/settings). */
  public record Change(String brand, String country) {}

  private final DSLContext dsl;
  private final Library library;
  private final Clock clock;

  public ClientSettings(DSLContext dsl, Library library, Clock clock) {
    this.dsl = dsl;
    this.library = library;
    this.clock = clock;
  }

  public Values get() {
    return new Values(value("brand", ""), value("country", library.defaultCountry()), library.countries());
  }

  public Values change(Principal who, Change change) {
    TemplateService.mustEdit(who);
    if (!library.countries().contains(change.country())) {
      throw new ApiException.BadRequest("unknown_country", "Pays sans lignes d’écoute connues : " + change.country()
          + " (connus : " + String.join(", ", library.countries()) + ").", "Country without known helplines.");
    }
    put("brand", change.brand().strip(), who.login());
    put("country", change.country(), who.login());
    return get();
  }

  private String value(String name, String fallback) {
    String v = dsl.select(CLIENT_SETTING.SETTING).from(CLIENT_SETTING).where(CLIENT_SETTING.NAME.eq(name))
        .fetchOne(CLIENT_SETTING.SETTING);
    return v == null ? fallback : v;
  }

  private void put(String name, String value, String who) {
    dsl.insertInto(CLIENT_SETTING)
        .set(CLIENT_SETTING.NAME, name).set(CLIENT_SETTING.SETTING, value)
        .set(CLIENT_SETTING.UPDATED_BY, who).set(CLIENT_SETTING.UPDATED_AT, TemplateRepository.utc(clock.instant()))
        .onConflict(CLIENT_SETTING.NAME).doUpdate()
        .set(CLIENT_SETTING.SETTING, value).set(CLIENT_SETTING.UPDATED_BY, who)
        .set(CLIENT_SETTING.UPDATED_AT, TemplateRepository.utc(clock.instant()))
        .execute();
  }
}
