package fr.vigie.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical manifest of a capture: what the server vouches for, hashed into the chain. Its bytes (served as
 * file role "manifest", exported as manifest.json) are this object written as RFC 8785 JSON ({@link CanonicalJson}):
 *
 * <pre>
 * {"automatic": true|false,
 *  "capturedBy": {"accountId": "…", "login": "…"},
 *  "files": {"&lt;role&gt;": {"bytes": n, "mediaType": "…", "sha256": "&lt;hex&gt;"}, …},  the parts sent
 *  "id": "&lt;capture id&gt;",
 *  "metadata": { the capture-metadata part as validated },
 *  "previousManifestSha256": "&lt;hex&gt;" | null,                                        null for sequence 1
 *  "receivedAt": "yyyy-MM-ddTHH:mm:ss.SSSZ",                                           server clock, UTC, milliseconds
 *  "receivedFrom": "&lt;address the server saw&gt;" | null,
 *  "sequence": n,
 *  "version": 1}
 * </pre>
 *
 * SHA-256 of these bytes = manifestSha256. Volatile facts (deleted sighting, timestamp status, URLs) are left out:
 * they change after the capture. The manifest and the timestamp token are not in "files" (a file cannot name its
 * own hash; the token is made from the manifest).
 */
record Manifest(String captureId, long sequence, String previousManifestSha256, String accountId, String login,
    Instant receivedAt, String receivedFrom, boolean automatic, JsonNode metadata, Map<FileRole, FileFact> files) {

  static final int VERSION = 1;
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** What the manifest says of one file. */
  record FileFact(String sha256, long bytes, String mediaType) {}

  Manifest {
    files = new TreeMap<>(files);
    if (files.containsKey(FileRole.MANIFEST) || files.containsKey(FileRole.TIMESTAMP)) {
      throw new IllegalArgumentException("the manifest lists evidence files only");
    }
  }

  /** The manifest of a stored capture, rebuilt from its row and file rows (verification, backfill). */
  static Manifest of(Capture c) {
    Map<FileRole, FileFact> facts = new TreeMap<>();
    for (StoredFile f : c.files()) {
      FileRole role = FileRole.fromWire(f.role()).orElseThrow();
      if (role.uploaded()) {
        facts.put(role, new FileFact(f.sha256(), f.bytes(), f.mediaType()));
      }
    }
    return new Manifest(c.id(), c.sequence(), c.previousManifestSha256(), c.custody().accountId(), c.capturedBy(),
        c.receivedAt(), c.custody().receivedFrom(), c.automatic(), c.metadata(), facts);
  }

  byte[] bytes() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("version", VERSION);
    root.put("id", captureId);
    root.put("sequence", sequence);
    root.put("previousManifestSha256", previousManifestSha256);
    root.putObject("capturedBy").put("accountId", accountId).put("login", login);
    root.put("receivedAt", MILLIS.format(receivedAt.truncatedTo(ChronoUnit.MILLIS)));
    root.put("receivedFrom", receivedFrom);
    root.put("automatic", automatic);
    root.set("metadata", metadata);
    ObjectNode fileNode = root.putObject("files");
    files.forEach((role, fact) -> fileNode.putObject(role.wire())
        .put("sha256", fact.sha256()).put("bytes", fact.bytes()).put("mediaType", fact.mediaType()));
    return CanonicalJson.bytes(root);
  }
}
