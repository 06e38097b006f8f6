package fr.vigie.capture;

import static fr.vigie.db.generated.Tables.ACCOUNT;
import static fr.vigie.db.generated.Tables.CAPTURE;
import static fr.vigie.db.generated.Tables.CAPTURE_FILE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;

/** Captures and their files, read from the database. Writes are in {@link CaptureWrites}. */
public final class CaptureRepository {

  /** The newest link of the chain. */
  record Head(long sequence, String manifestSha256) {
    static final Head EMPTY = new Head(0, null);
  }

  /** One captured post of a page (schema captures-on-page, items[]). */
  public record OnPage(String captureId, String platform, String postId, String permalink, Instant deletedSeenAt) {}

  private final DSLContext dsl;
  private final ObjectMapper mapper;

  public CaptureRepository(DSLContext dsl, ObjectMapper mapper) {
    this.dsl = dsl;
    this.mapper = mapper;
  }

  Optional<Capture> byIdempotencyKey(String accountId, String key) {
    return one(CAPTURE.ACCOUNT_ID.eq(accountId).and(CAPTURE.IDEMPOTENCY_KEY.eq(key)));
  }

  Optional<Capture> byId(String id) {
    return one(CAPTURE.ID.eq(id));
  }

  Optional<Capture> bySequence(long sequence) {
    return one(CAPTURE.SEQUENCE.eq(sequence));
  }

  List<Capture> newestFirst(int limit, int offset, Optional<String> accountId) {
    Condition visible = accountId.map(CAPTURE.ACCOUNT_ID::eq).orElse(DSL.noCondition());
    return withFiles(select().where(visible).orderBy(CAPTURE.RECEIVED_AT.desc(), CAPTURE.ID.desc())
        .limit(limit).offset(offset).fetch());
  }

  /** The chain in order, one page after {@code sequence} (a walk holds one page at a time). */
  List<Capture> chainAfter(long sequence, int limit) {
    return withFiles(select().where(CAPTURE.SEQUENCE.gt(sequence)).orderBy(CAPTURE.SEQUENCE).limit(limit).fetch());
  }

  /** Captures stored before the chain existed (V003), in the order they were received. */
  List<Capture> unchained(int limit) {
    return withFiles(select().where(CAPTURE.SEQUENCE.isNull()).orderBy(CAPTURE.RECEIVED_AT, CAPTURE.ID).limit(limit)
        .fetch());
  }

  /** Chained captures that have no token yet, oldest first. */
  List<Capture> unstamped(int limit) {
    return withFiles(select().where(CAPTURE.SEQUENCE.isNotNull()).and(CAPTURE.TIMESTAMP_STATUS.ne("stamped"))
        .orderBy(CAPTURE.SEQUENCE).limit(limit).fetch());
  }

  Head head() {
    return dsl.select(CAPTURE.SEQUENCE, CAPTURE.MANIFEST_SHA256).from(CAPTURE).where(CAPTURE.SEQUENCE.isNotNull())
        .orderBy(CAPTURE.SEQUENCE.desc()).limit(1).fetchOptional()
        .map(r -> new Head(r.value1(), r.value2())).orElse(Head.EMPTY);
  }

  /** The newest capture of each post whose page or permalink has this key, newest first. */
  List<OnPage> onPage(String urlKey, int limit, Optional<String> accountId) {
    Condition visible = accountId.map(CAPTURE.ACCOUNT_ID::eq).orElse(DSL.noCondition());
    Condition here = CAPTURE.PAGE_KEY.eq(urlKey).or(CAPTURE.PERMALINK_KEY.eq(urlKey)).and(visible);
    var newest = DSL.select(DSL.max(CAPTURE.SEQUENCE)).from(CAPTURE).where(here)
        .groupBy(CAPTURE.PLATFORM, CAPTURE.POST_ID);
    return dsl.select(CAPTURE.ID, CAPTURE.PLATFORM, CAPTURE.POST_ID, CAPTURE.PERMALINK, CAPTURE.DELETED_SEEN_AT)
        .from(CAPTURE).where(CAPTURE.SEQUENCE.in(newest)).orderBy(CAPTURE.SEQUENCE.desc()).limit(limit)
        .fetch(r -> new OnPage(r.value1(), r.value2(), r.value3(), r.value4(), instant(r.value5())));
  }

  private Optional<Capture> one(Condition condition) {
    return withFiles(select().where(condition).fetch()).stream().findFirst();
  }

  private SelectOnConditionStep<Record> select() {
    return dsl.select(CAPTURE.asterisk(), ACCOUNT.LOGIN).from(CAPTURE)
        .join(ACCOUNT).on(ACCOUNT.ID.eq(CAPTURE.ACCOUNT_ID));
  }

  private List<Capture> withFiles(List<Record> rows) {
    Map<String, List<StoredFile>> files = files(rows.stream().map(r -> r.get(CAPTURE.ID)).toList());
    return rows.stream().map(r -> toCapture(r, files.getOrDefault(r.get(CAPTURE.ID), List.of()))).toList();
  }

  private Map<String, List<StoredFile>> files(Collection<String> captureIds) {
    Map<String, List<StoredFile>> out = new HashMap<>();
    if (captureIds.isEmpty()) {
      return out;
    }
    dsl.selectFrom(CAPTURE_FILE).where(CAPTURE_FILE.CAPTURE_ID.in(captureIds)).fetch().forEach(f -> {
      FileRole role = FileRole.fromWire(f.getRole()).orElseThrow();
      out.computeIfAbsent(f.getCaptureId(), k -> new ArrayList<>()).add(new StoredFile(role.wire(), f.getSha256(),
          f.getBytes(), f.getMediaType(), f.getWidth(), f.getHeight(),
          "/api/v1/captures/" + f.getCaptureId() + "/files/" + role.wire()));
    });
    // Screenshot first (the schema says so), then the schema's order of roles.
    out.values().forEach(list -> list.sort(Comparator.comparing(f -> FileRole.fromWire(f.role()).orElseThrow())));
    return out;
  }

  private Capture toCapture(Record r, List<StoredFile> files) {
    String id = r.get(CAPTURE.ID);
    try {
      return new Capture(id, instant(r.get(CAPTURE.RECEIVED_AT)), r.get(ACCOUNT.LOGIN), r.get(CAPTURE.RISK),
          mapper.readTree(r.get(CAPTURE.METADATA_JSON)),
          new Capture.Screenshot(r.get(CAPTURE.SCREENSHOT_SHA256), r.get(CAPTURE.SCREENSHOT_BYTES),
              r.get(CAPTURE.SCREENSHOT_WIDTH), r.get(CAPTURE.SCREENSHOT_HEIGHT),
              "/api/v1/captures/" + id + "/screenshot"),
          files, r.get(CAPTURE.MANIFEST_SHA256), r.get(CAPTURE.PREVIOUS_MANIFEST_SHA256),
          Optional.ofNullable(r.get(CAPTURE.SEQUENCE)).orElse(0L),
          new Capture.Timestamp(r.get(CAPTURE.TIMESTAMP_STATUS), instant(r.get(CAPTURE.TIMESTAMP_AT)),
              r.get(CAPTURE.TIMESTAMP_AUTHORITY), r.get(CAPTURE.TIMESTAMP_MESSAGE)),
          r.get(CAPTURE.AUTOMATIC), instant(r.get(CAPTURE.DELETED_SEEN_AT)),
          new Capture.Custody(r.get(CAPTURE.ACCOUNT_ID), r.get(CAPTURE.RECEIVED_FROM), r.get(CAPTURE.DELETED_HOW),
              r.get(CAPTURE.DELETED_PAGE_URL)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored metadata of capture " + id + " is not JSON", e);
    }
  }

  static Instant instant(LocalDateTime utc) {
    return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
  }

  static LocalDateTime utc(Instant instant) {
    return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
