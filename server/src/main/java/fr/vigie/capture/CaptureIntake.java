package fr.vigie.capture;

import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.classification.Risk;
import fr.vigie.db.Ids;
import fr.vigie.web.ApiException;
import fr.vigie.web.JsonInput;
import fr.vigie.web.Principal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * POST /api/v1/captures without HTTP: checks every part, stores every file durably, then appends the capture to the
 * chain in one transaction, then asks for the trusted timestamp. Nothing is stored when a check fails.
 */
public final class CaptureIntake {

  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{8,200}");
  private final CaptureRepository reads;
  private final Chain chain;
  private final FileStore files;
  private final Timestamps timestamps;
  private final JsonInput json;
  private final Ids ids;
  private final Clock clock;

  public CaptureIntake(CaptureRepository reads, Chain chain, FileStore files, Timestamps timestamps, JsonInput json,
      Ids ids, Clock clock) {
    this.reads = reads;
    this.chain = chain;
    this.files = files;
    this.timestamps = timestamps;
    this.json = json;
    this.ids = ids;
    this.clock = clock;
  }

  /** The capture, and whether this call created it (false: the idempotency key was already used). */
  public record Stored(Capture capture, boolean created) {}

  /** Checked before the body is read: a replay is answered without parsing the parts again. */
  public Optional<Capture> replay(Principal principal, String idempotencyKey) {
    checkKey(idempotencyKey);
    return reads.byIdempotencyKey(principal.accountId(), idempotencyKey);
  }

  /**
   * Checks and stores a new capture. A key already used gives back the first capture ({@link Chain} decides under its
   * lock); callers look for a {@link #replay} first so that a retry's parts are not read again.
   */
  public Stored store(Principal principal, String idempotencyKey, String receivedFrom, List<UploadPart> parts) {
    checkKey(idempotencyKey);
    Map<String, UploadPart> byName = UploadRules.byName(parts);
    JsonNode metadata = metadata(byName.get(UploadRules.METADATA));
    Map<FileRole, UploadPart> fileParts = UploadRules.files(byName, metadata);
    List<FileStore.Staged> staged = new ArrayList<>();
    try {
      List<StoredFile> stored = new ArrayList<>();
      for (Map.Entry<FileRole, UploadPart> e : fileParts.entrySet()) {
        FileStore.Staged file = stage(e.getValue());
        staged.add(file);
        stored.add(check(e.getKey(), file, metadata));
      }
      staged.forEach(files::keep);
      Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
      Risk risk = Risk.fromWire(metadata.path("classification").path("risk").asText());
      boolean automatic = metadata.path("automatic").asBoolean(false);
      Chain.Appended appended = chain.append(new NewCapture(ids.next(), principal.accountId(), principal.login(),
          idempotencyKey, receivedAt, receivedFrom, risk.wire(), risk.ordinal(), automatic, metadata,
          Instant.parse(metadata.path("capturedAt").asText()), stored));
      return new Stored(appended.created() ? timestamps.afterCommit(appended.capture()) : appended.capture(),
          appended.created());
    } finally {
      staged.forEach(FileStore.Staged::close);
    }
  }

  private static void checkKey(String idempotencyKey) {
    if (idempotencyKey == null || !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
      throw new ApiException.BadRequest("idempotency_key",
          "En-tête Idempotency-Key manquant ou invalide (8 à 200 caractères ASCII visibles).",
          "Missing or invalid Idempotency-Key header (8 to 200 visible ASCII characters).");
    }
  }

  private JsonNode metadata(UploadPart part) {
    byte[] bytes;
    try (InputStream in = part.open()) {
      bytes = in.readNBytes((int) UploadRules.MAX_METADATA_BYTES + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    UploadRules.checkSize(UploadRules.METADATA, bytes.length, UploadRules.MAX_METADATA_BYTES);
    JsonNode metadata = json.parse(bytes, "capture-metadata", JsonNode.class, "champ metadata", "metadata part");
    try {
      CanonicalJson.bytes(metadata);
    } catch (IllegalArgumentException e) {
      // JSON lets a string hold half a surrogate pair (an escaped lone one); UTF-8, hence the manifest, cannot.
      throw new ApiException.BadRequest("invalid_value", "Le champ metadata contient une valeur que le manifeste "
          + "ne peut pas reproduire fidèlement (" + e.getMessage() + ").", "The metadata part holds a value the "
          + "manifest cannot reproduce faithfully.", List.of(String.valueOf(e.getMessage())));
    }
    return metadata;
  }

  private FileStore.Staged stage(UploadPart part) {
    try (InputStream in = part.open()) {
      return files.stage(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Content and declared hash of one staged part; its file row when both hold. */
  private static StoredFile check(FileRole role, FileStore.Staged file, JsonNode metadata) {
    UploadRules.checkSize(role.wire(), file.bytes(), role.maxUploadBytes());
    Png.Size size = null;
    try (InputStream in = file.open()) {
      if (role.image()) {
        size = Png.inspect(in, role.wire());
      } else if (role == FileRole.HTML) {
        PartContent.utf8(in, role.wire());
      } else if (role == FileRole.MHTML) {
        PartContent.mhtml(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String declared = metadata.path(role.declaredHashField()).asText(null);
    if (declared != null && !declared.equals(file.sha256())) {
      throw new ApiException.BadRequest("hash_mismatch", "Le SHA-256 annoncé pour la partie « " + role.wire() + " » ("
          + declared + ") ne correspond pas aux octets reçus (" + file.sha256() + ").",
          "The SHA-256 declared for part \"" + role.wire() + "\" does not match the bytes received.");
    }
    // Only the capture id is missing from the URL here; the repository builds it again on reading.
    return new StoredFile(role.wire(), file.sha256(), file.bytes(), role.mediaType(),
        size == null ? null : size.width(), size == null ? null : size.height(), null);
  }
}
