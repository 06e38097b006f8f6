package fr.vigie.capture;

import static fr.vigie.db.generated.Tables.ACCOUNT;
import static fr.vigie.db.generated.Tables.CAPTURE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.exception.IntegrityConstraintViolationException;

/** Captures in the database. */
public final class CaptureRepository {

  private final DSLContext dsl;
  private final ObjectMapper mapper;

  public CaptureRepository(DSLContext dsl, ObjectMapper mapper) {
    this.dsl = dsl;
    this.mapper = mapper;
  }

  /** Inserts the capture; false when the account already stored one under this idempotency key. */
  boolean insert(NewCapture c) {
    try {
      dsl.insertInto(CAPTURE)
          .set(CAPTURE.ID, c.id())
          .set(CAPTURE.ACCOUNT_ID, c.accountId())
          .set(CAPTURE.IDEMPOTENCY_KEY, c.idempotencyKey())
          .set(CAPTURE.RECEIVED_AT, utc(c.receivedAt()))
          .set(CAPTURE.RISK, c.risk())
          .set(CAPTURE.RISK_RANK, c.riskRank())
          .set(CAPTURE.PLATFORM, c.metadata().path("platform").asText())
          .set(CAPTURE.POST_ID, c.metadata().path("postId").asText())
          .set(CAPTURE.AUTHOR_NAME, c.metadata().path("author").path("name").asText())
          .set(CAPTURE.AUTHOR_HANDLE, textOrNull(c.metadata().path("author").path("handle")))
          .set(CAPTURE.PERMALINK, textOrNull(c.metadata().path("permalink")))
          .set(CAPTURE.PAGE_URL, c.metadata().path("pageUrl").asText())
          .set(CAPTURE.POST_TEXT, c.metadata().path("text").asText())
          .set(CAPTURE.CAPTURED_AT, utc(c.capturedAt()))
          .set(CAPTURE.METADATA_JSON, mapper.writeValueAsString(c.metadata()))
          .set(CAPTURE.SCREENSHOT_SHA256, c.screenshotSha256())
          .set(CAPTURE.SCREENSHOT_BYTES, c.screenshotBytes())
          .set(CAPTURE.SCREENSHOT_WIDTH, c.screenshotSize().width())
          .set(CAPTURE.SCREENSHOT_HEIGHT, c.screenshotSize().height())
          .execute();
      return true;
    } catch (IntegrityConstraintViolationException e) {
      if (byIdempotencyKey(c.accountId(), c.idempotencyKey()).isPresent()) {
        return false;
      }
      throw e;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("metadata tree cannot be written back as JSON", e);
    }
  }

  Optional<Capture> byIdempotencyKey(String accountId, String key) {
    return select().where(CAPTURE.ACCOUNT_ID.eq(accountId).and(CAPTURE.IDEMPOTENCY_KEY.eq(key)))
        .fetchOptional().map(this::toCapture);
  }

  Optional<Capture> byId(String id) {
    return select().where(CAPTURE.ID.eq(id)).fetchOptional().map(this::toCapture);
  }

  List<Capture> newestFirst(int limit, int offset) {
    return select().orderBy(CAPTURE.RECEIVED_AT.desc(), CAPTURE.ID.desc()).limit(limit).offset(offset)
        .fetch(this::toCapture);
  }

  int count() {
    return dsl.fetchCount(CAPTURE);
  }

  private SelectOnConditionStep<Record> select() {
    return dsl.select(CAPTURE.asterisk(), ACCOUNT.LOGIN).from(CAPTURE).join(ACCOUNT).on(ACCOUNT.ID.eq(CAPTURE.ACCOUNT_ID));
  }

  private Capture toCapture(Record r) {
    try {
      String id = r.get(CAPTURE.ID);
      return new Capture(id, r.get(CAPTURE.RECEIVED_AT).toInstant(ZoneOffset.UTC), r.get(ACCOUNT.LOGIN), r.get(CAPTURE.RISK),
          mapper.readTree(r.get(CAPTURE.METADATA_JSON)),
          new Capture.Screenshot(r.get(CAPTURE.SCREENSHOT_SHA256), r.get(CAPTURE.SCREENSHOT_BYTES),
              r.get(CAPTURE.SCREENSHOT_WIDTH), r.get(CAPTURE.SCREENSHOT_HEIGHT), "/api/v1/captures/" + id + "/screenshot"));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored metadata of a capture is not JSON", e);
    }
  }

  private static String textOrNull(com.fasterxml.jackson.databind.JsonNode node) {
    return node.isTextual() ? node.asText() : null;
  }

  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
