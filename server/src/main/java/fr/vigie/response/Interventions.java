package fr.vigie.response;

import static fr.vigie.db.generated.Tables.ACCOUNT;
import static fr.vigie.db.generated.Tables.CAPTURE;
import static fr.vigie.db.generated.Tables.INTERVENTION;

import fr.vigie.db.Ids;
import fr.vigie.web.ApiException;
import fr.vigie.web.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;

/**
 * What a CM did with a suggestion (copied, opened on the platform, edited), recorded against the capture when
 * there is one: who, when, which template version, the final text. The police may ask months later.
 */
public final class Interventions {

  /** Body of POST /api/v1/interventions (intervention-input.schema.json). */
  public record Input(String captureId, String platform, String postId, String action, String templateId,
      Integer templateVersion, String finalText) {}

  /** Wire type intervention.schema.json. */
  public record Intervention(String id, String captureId, String platform, String postId, String action,
      String templateId, Integer templateVersion, String finalText, String by, Instant at) {}

  /** Answer of GET /api/v1/interventions. */
  public record Page(List<Intervention> items) {}

  private final DSLContext dsl;
  private final TemplateService templates;
  private final Ids ids;
  private final Clock clock;

  public Interventions(DSLContext dsl, TemplateService templates, Ids ids, Clock clock) {
    this.dsl = dsl;
    this.templates = templates;
    this.ids = ids;
    this.clock = clock;
  }

  public Intervention record(Principal cm, Input in) {
    if (in.captureId() != null && !dsl.fetchExists(CAPTURE, CAPTURE.ID.eq(in.captureId()))) {
      throw new ApiException.BadRequest("unknown_capture", "Aucune capture " + in.captureId() + " : l’intervention "
          + "doit nommer une capture existante, ou aucune.", "No such capture.");
    }
    if ((in.templateId() == null) != (in.templateVersion() == null)) {
      throw new ApiException.BadRequest("template_version", "templateId et templateVersion vont ensemble.",
          "templateId and templateVersion go together.");
    }
    if (in.templateId() != null) {
      templates.version(in.templateId(), in.templateVersion()); // 404 naming the template when it does not exist
    }
    String id = ids.next();
    Instant at = clock.instant();
    dsl.insertInto(INTERVENTION)
        .set(INTERVENTION.ID, id).set(INTERVENTION.CAPTURE_ID, in.captureId())
        .set(INTERVENTION.ACCOUNT_ID, cm.accountId()).set(INTERVENTION.AT, TemplateRepository.utc(at))
        .set(INTERVENTION.ACTION, in.action()).set(INTERVENTION.PLATFORM, in.platform())
        .set(INTERVENTION.POST_ID, in.postId()).set(INTERVENTION.TEMPLATE_ID, in.templateId())
        .set(INTERVENTION.TEMPLATE_VERSION, in.templateVersion()).set(INTERVENTION.FINAL_TEXT, in.finalText())
        .execute();
    return new Intervention(id, in.captureId(), in.platform(), in.postId(), in.action(), in.templateId(),
        in.templateVersion(), in.finalText(), cm.login(), at);
  }

  /** Interventions on a capture, or on a post, oldest first. */
  public List<Intervention> of(String captureId, String platform, String postId) {
    var condition = captureId != null ? INTERVENTION.CAPTURE_ID.eq(captureId)
        : INTERVENTION.PLATFORM.eq(platform).and(INTERVENTION.POST_ID.eq(postId));
    return dsl.select(INTERVENTION.fields()).select(ACCOUNT.LOGIN).from(INTERVENTION).join(ACCOUNT)
        .on(ACCOUNT.ID.eq(INTERVENTION.ACCOUNT_ID)).where(condition).orderBy(INTERVENTION.AT, INTERVENTION.ID)
        .fetch(r -> new Intervention(r.get(INTERVENTION.ID), r.get(INTERVENTION.CAPTURE_ID), r.get(INTERVENTION.PLATFORM),
            r.get(INTERVENTION.POST_ID), r.get(INTERVENTION.ACTION), r.get(INTERVENTION.TEMPLATE_ID),
            r.get(INTERVENTION.TEMPLATE_VERSION), r.get(INTERVENTION.FINAL_TEXT), r.get(ACCOUNT.LOGIN),
            TemplateRepository.instant(r.get(INTERVENTION.AT))));
  }
}
