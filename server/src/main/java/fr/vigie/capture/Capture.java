package fr.vigie.capture;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A stored capture as the API shows it (schema capture). */
public record Capture(String id, Instant receivedAt, String capturedBy, String risk, JsonNode metadata, Screenshot screenshot) {

  /** The stored screenshot's facts. */
  public record Screenshot(String sha256, long bytes, int width, int height, String url) {}

  /** Answer of GET /api/v1/captures. */
  public record Page(java.util.List<Capture> items) {}

  public String authorName() {
    return metadata.path("author").path("name").asText("");
  }

  public String text() {
    return metadata.path("text").asText("");
  }
}
