package fr.vigie.capture;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/** A capture whose every part passed its checks and whose files are stored, before it joins the chain. */
record NewCapture(
    String id,
    String accountId,
    String login,
    String idempotencyKey,
    Instant receivedAt,
    String receivedFrom,
    String risk,
    int riskRank,
    boolean automatic,
    JsonNode metadata,
    Instant capturedAt,
    List<StoredFile> files) {

  NewCapture {
    files = List.copyOf(files);
  }

  StoredFile file(FileRole role) {
    return files.stream().filter(f -> f.role().equals(role.wire())).findFirst()
        .orElseThrow(() -> new IllegalStateException("no " + role.wire() + " file"));
  }

  /** Its manifest at this place in the chain. */
  Manifest manifest(long sequence, String previousManifestSha256) {
    java.util.Map<FileRole, Manifest.FileFact> facts = new java.util.TreeMap<>();
    files.forEach(f -> facts.put(FileRole.fromWire(f.role()).orElseThrow(),
        new Manifest.FileFact(f.sha256(), f.bytes(), f.mediaType())));
    return new Manifest(id, sequence, previousManifestSha256, accountId, login, receivedAt, receivedFrom, automatic,
        metadata, facts);
  }
}
