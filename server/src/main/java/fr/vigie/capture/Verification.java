package fr.vigie.capture;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** Answers of the verify routes (schemas capture-verify and chain-verify). */
public final class Verification {

  private Verification() {}

  /** GET /api/v1/captures/{id}/verify. */
  public record OfCapture(String captureId, boolean ok, ManifestCheck manifest, List<FileCheck> files,
      PreviousCheck previous, TimestampCheck timestamp, Instant checkedAt) {

    /** The first problem found, in French, for the chain walk; null when everything holds. */
    String firstProblem() {
      if (!manifest.ok()) {
        return manifest.problem();
      }
      for (FileCheck f : files) {
        if (!f.ok()) {
          return f.problem();
        }
      }
      if (!previous.ok()) {
        return previous.problem();
      }
      return timestamp.status().equals("invalid") ? timestamp.problem() : null;
    }
  }

  /** The manifest rebuilt from the database and the files, hashed again. */
  public record ManifestCheck(String expected, String actual, boolean ok,
      @JsonInclude(JsonInclude.Include.NON_NULL) String problem) {}

  /** One stored file hashed again. */
  public record FileCheck(String role, String sha256, String actualSha256, boolean ok,
      @JsonInclude(JsonInclude.Include.NON_NULL) String problem) {}

  /** The link to the previous capture; sequence 0 when this is the first. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PreviousCheck(Long sequence, boolean ok, String problem) {}

  /** absent, valid or invalid. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TimestampCheck(String status, Instant at, String problem) {}

  /** GET /api/v1/captures/verify. */
  public record OfChain(boolean ok, long checked, String headManifestSha256, Broken firstBroken, Instant checkedAt) {}

  /** The first capture of the chain that does not verify. */
  public record Broken(String captureId, long sequence, String problem) {}
}
