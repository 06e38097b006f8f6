package fr.vigie.capture;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A stored capture as the API shows it (schema capture); {@link #custody()} is for the server and the web view. */
public record Capture(String id, Instant receivedAt, String capturedBy, String risk, JsonNode metadata,
    Screenshot screenshot, List<StoredFile> files, String manifestSha256, String previousManifestSha256,
    long sequence, Timestamp timestamp, boolean automatic, Instant deletedSeenAt, @JsonIgnore Custody custody) {

  /** The stored screenshot's facts. */
  public record Screenshot(String sha256, long bytes, int width, int height, String url) {}

  /** The RFC 3161 timestamp of the manifest: none, stamped or failed (retried). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Timestamp(String status, Instant at, String authority, String message) {}

  /**
   * Facts that stay off the wire schema: the account id (named in the manifest), the address the upload came from,
   * and how and where the post was seen deleted.
   */
  public record Custody(String accountId, String receivedFrom, String deletedHow, String deletedPageUrl) {}

  /** Answer of GET /api/v1/captures. */
  public record Page(List<Capture> items) {}

  public Optional<StoredFile> file(FileRole role) {
    return files.stream().filter(f -> f.role().equals(role.wire())).findFirst();
  }

  public String authorName() {
    return metadata.path("author").path("name").asText("");
  }

  public String text() {
    return metadata.path("text").asText("");
  }
}
