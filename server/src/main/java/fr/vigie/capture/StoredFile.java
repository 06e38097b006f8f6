package fr.vigie.capture;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One evidence file of a capture (schema capture, files[]); width and height for images only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StoredFile(String role, String sha256, long bytes, String mediaType, Integer width, Integer height,
    String url) {

  static StoredFile of(String captureId, FileRole role, String sha256, long bytes, Integer width, Integer height) {
    return new StoredFile(role.wire(), sha256, bytes, role.mediaType(), width, height,
        "/api/v1/captures/" + captureId + "/files/" + role.wire());
  }
}
