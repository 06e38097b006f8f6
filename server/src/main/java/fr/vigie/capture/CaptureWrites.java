package fr.vigie.capture;

import static fr.vigie.capture.CaptureRepository.utc;
import static fr.vigie.db.generated.Tables.CAPTURE;
import static fr.vigie.db.generated.Tables.CAPTURE_FILE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;

/** Every change to captures in the database; each is one transaction. */
public final class CaptureWrites {

  /** A capture's place in the chain, decided inside {@link Chain}'s critical section. */
  record Link(long sequence, String previousManifestSha256, StoredFile manifest) {}

  private final DSLContext dsl;
  private final ObjectMapper mapper;

  public CaptureWrites(DSLContext dsl, ObjectMapper mapper) {
    this.dsl = dsl;
    this.mapper = mapper;
  }

  /** The capture row and all its file rows, visible together or not at all. */
  void insert(NewCapture c, Link link) {
    StoredFile shot = c.file(FileRole.SCREENSHOT);
    JsonNode m = c.metadata();
    dsl.transaction(tx -> {
      tx.dsl().insertInto(CAPTURE)
          .set(CAPTURE.ID, c.id())
          .set(CAPTURE.ACCOUNT_ID, c.accountId())
          .set(CAPTURE.IDEMPOTENCY_KEY, c.idempotencyKey())
          .set(CAPTURE.RECEIVED_AT, utc(c.receivedAt()))
          .set(CAPTURE.RECEIVED_FROM, c.receivedFrom())
          .set(CAPTURE.RISK, c.risk())
          .set(CAPTURE.RISK_RANK, c.riskRank())
          .set(CAPTURE.AUTOMATIC, c.automatic())
          .set(CAPTURE.PLATFORM, m.path("platform").asText())
          .set(CAPTURE.POST_ID, m.path("postId").asText())
          .set(CAPTURE.AUTHOR_NAME, m.path("author").path("name").asText())
          .set(CAPTURE.AUTHOR_HANDLE, textOrNull(m.path("author").path("handle")))
          .set(CAPTURE.PERMALINK, textOrNull(m.path("permalink")))
          .set(CAPTURE.PERMALINK_KEY, UrlKey.of(textOrNull(m.path("permalink"))))
          .set(CAPTURE.PAGE_URL, m.path("pageUrl").asText())
          .set(CAPTURE.PAGE_KEY, UrlKey.of(m.path("pageUrl").asText()))
          .set(CAPTURE.POST_TEXT, m.path("text").asText())
          .set(CAPTURE.CAPTURED_AT, utc(c.capturedAt()))
          .set(CAPTURE.METADATA_JSON, json(m))
          .set(CAPTURE.SCREENSHOT_SHA256, shot.sha256())
          .set(CAPTURE.SCREENSHOT_BYTES, shot.bytes())
          .set(CAPTURE.SCREENSHOT_WIDTH, shot.width())
          .set(CAPTURE.SCREENSHOT_HEIGHT, shot.height())
          .set(CAPTURE.SEQUENCE, link.sequence())
          .set(CAPTURE.PREVIOUS_MANIFEST_SHA256, link.previousManifestSha256())
          .set(CAPTURE.MANIFEST_SHA256, link.manifest().sha256())
          .execute();
      insertFiles(tx.dsl(), c.id(), c.files());
      insertFiles(tx.dsl(), c.id(), List.of(link.manifest()));
    });
  }

  /** Puts a capture stored before V003 into the chain, with the file rows it never had. */
  void chainExisting(Capture c, Link link) {
    dsl.transaction(tx -> {
      tx.dsl().update(CAPTURE)
          .set(CAPTURE.SEQUENCE, link.sequence())
          .set(CAPTURE.PREVIOUS_MANIFEST_SHA256, link.previousManifestSha256())
          .set(CAPTURE.MANIFEST_SHA256, link.manifest().sha256())
          .set(CAPTURE.PAGE_KEY, UrlKey.of(c.metadata().path("pageUrl").asText()))
          .set(CAPTURE.PERMALINK_KEY, UrlKey.of(textOrNull(c.metadata().path("permalink"))))
          .where(CAPTURE.ID.eq(c.id()).and(CAPTURE.SEQUENCE.isNull()))
          .execute();
      insertFiles(tx.dsl(), c.id(), c.files());
      insertFiles(tx.dsl(), c.id(), List.of(link.manifest()));
    });
  }

  /** Records a deleted sighting unless an earlier one is already recorded; true when this one was kept. */
  boolean markDeleted(String captureId, Instant seenAt, String how, String pageUrl) {
    return dsl.update(CAPTURE)
        .set(CAPTURE.DELETED_SEEN_AT, utc(seenAt))
        .set(CAPTURE.DELETED_HOW, how)
        .set(CAPTURE.DELETED_PAGE_URL, pageUrl)
        .where(CAPTURE.ID.eq(captureId))
        .and(CAPTURE.DELETED_SEEN_AT.isNull().or(CAPTURE.DELETED_SEEN_AT.gt(utc(seenAt))))
        .execute() == 1;
  }

  void stamped(String captureId, StoredFile token, Instant genTime, String authority) {
    dsl.transaction(tx -> {
      tx.dsl().deleteFrom(CAPTURE_FILE).where(CAPTURE_FILE.CAPTURE_ID.eq(captureId))
          .and(CAPTURE_FILE.ROLE.eq(FileRole.TIMESTAMP.wire())).execute();
      insertFiles(tx.dsl(), captureId, List.of(token));
      tx.dsl().update(CAPTURE)
          .set(CAPTURE.TIMESTAMP_STATUS, "stamped")
          .set(CAPTURE.TIMESTAMP_AT, utc(genTime))
          .set(CAPTURE.TIMESTAMP_AUTHORITY, authority)
          .setNull(CAPTURE.TIMESTAMP_MESSAGE)
          .where(CAPTURE.ID.eq(captureId))
          .execute();
    });
  }

  void stampFailed(String captureId, String authority, String frenchMessage) {
    dsl.update(CAPTURE)
        .set(CAPTURE.TIMESTAMP_STATUS, "failed")
        .set(CAPTURE.TIMESTAMP_AUTHORITY, authority)
        .set(CAPTURE.TIMESTAMP_MESSAGE, frenchMessage.substring(0, Math.min(1000, frenchMessage.length())))
        .where(CAPTURE.ID.eq(captureId).and(CAPTURE.TIMESTAMP_STATUS.ne("stamped")))
        .execute();
  }

  private static void insertFiles(DSLContext tx, String captureId, List<StoredFile> files) {
    for (StoredFile f : files) {
      tx.insertInto(CAPTURE_FILE)
          .set(CAPTURE_FILE.CAPTURE_ID, captureId)
          .set(CAPTURE_FILE.ROLE, f.role())
          .set(CAPTURE_FILE.SHA256, f.sha256())
          .set(CAPTURE_FILE.BYTES, f.bytes())
          .set(CAPTURE_FILE.MEDIA_TYPE, f.mediaType())
          .set(CAPTURE_FILE.WIDTH, f.width())
          .set(CAPTURE_FILE.HEIGHT, f.height())
          .execute();
    }
  }

  private String json(JsonNode metadata) {
    try {
      return mapper.writeValueAsString(metadata);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("metadata tree cannot be written back as JSON", e);
    }
  }

  private static String textOrNull(JsonNode node) {
    return node.isTextual() ? node.asText() : null;
  }
}
