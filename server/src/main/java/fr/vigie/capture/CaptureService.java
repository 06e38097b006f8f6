package fr.vigie.capture;

import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.account.Secrets;
import fr.vigie.classification.Risk;
import fr.vigie.db.Ids;
import fr.vigie.web.ApiException;
import fr.vigie.web.JsonInput;
import fr.vigie.web.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checks and stores captures: file first (durable), then the database row. Knows nothing of HTTP. */
public final class CaptureService {

  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{8,200}");
  private final CaptureRepository captures;
  private final FileStore files;
  private final JsonInput json;
  private final Ids ids;
  private final Clock clock;

  public CaptureService(CaptureRepository captures, FileStore files, JsonInput json, Ids ids, Clock clock) {
    this.captures = captures;
    this.files = files;
    this.json = json;
    this.ids = ids;
    this.clock = clock;
  }

  /** The capture, and whether this call created it (false: the idempotency key was already used). */
  public record Stored(Capture capture, boolean created) {}

  public Stored store(Principal principal, String idempotencyKey, byte[] metadataJson, byte[] png) {
    if (idempotencyKey == null || !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
      throw new ApiException.BadRequest("idempotency_key",
          "En-tête Idempotency-Key manquant ou invalide (8 à 200 caractères ASCII visibles).",
          "Missing or invalid Idempotency-Key header (8 to 200 visible ASCII characters).");
    }
    Optional<Capture> earlier = captures.byIdempotencyKey(principal.accountId(), idempotencyKey);
    if (earlier.isPresent()) {
      return new Stored(earlier.get(), false);
    }
    JsonNode metadata = json.parse(metadataJson, "capture-metadata", JsonNode.class,
        "champ metadata", "metadata part");
    Png.Size size = Png.inspect(png);
    String sha = Secrets.sha256Hex(png);
    String declared = metadata.path("screenshotSha256").asText(null);
    if (declared != null && !declared.equals(sha)) {
      throw new ApiException.BadRequest("hash_mismatch",
          "Le SHA-256 annoncé (" + declared + ") ne correspond pas aux octets reçus (" + sha + ").",
          "The declared SHA-256 does not match the bytes received.");
    }
    files.put(png);
    Risk risk = Risk.fromWire(metadata.path("classification").path("risk").asText());
    NewCapture row = new NewCapture(ids.next(), principal.accountId(), idempotencyKey, clock.instant(), risk.wire(),
        risk.ordinal(), metadata, Instant.parse(metadata.path("capturedAt").asText()), sha, png.length, size);
    if (!captures.insert(row)) {
      return new Stored(captures.byIdempotencyKey(principal.accountId(), idempotencyKey).orElseThrow(), false);
    }
    return new Stored(captures.byId(row.id()).orElseThrow(), true);
  }

  public Capture get(Principal principal, String id) {
    return captures.byId(id).filter(c -> principal.canReview() || c.capturedBy().equals(principal.login()))
        .orElseThrow(() -> new ApiException.NotFound("Aucune capture " + id + ".", "No capture " + id + "."));
  }

  public List<Capture> newestFirst(Principal principal, int limit, int offset) {
    if (limit < 1 || limit > 200 || offset < 0) {
      throw new ApiException.BadRequest("invalid_paging", "limit doit être entre 1 et 200 et offset positif.",
          "limit must be between 1 and 200 and offset not negative.");
    }
    return captures.newestFirst(limit, offset).stream()
        .filter(c -> principal.canReview() || c.capturedBy().equals(principal.login())).toList();
  }

  public byte[] screenshot(Principal principal, String id) {
    Capture capture = get(principal, id);
    return files.get(capture.screenshot().sha256()).orElseThrow(() -> new IllegalStateException(
        "screenshot file " + capture.screenshot().sha256() + " of capture " + id + " is missing from the store"));
  }
}
