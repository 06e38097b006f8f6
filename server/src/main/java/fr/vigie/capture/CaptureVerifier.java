package fr.vigie.capture;

import fr.vigie.capture.timestamp.Timestamper;
import fr.vigie.capture.timestamp.Tokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Recomputes everything a capture vouches for: each file's hash from the bytes on disk (streamed), the manifest
 * rebuilt from the database and hashed again, the link to the previous capture, the timestamp token. The chain walk
 * does the same for every capture in sequence order, one page in memory at a time.
 */
public final class CaptureVerifier {

  private static final int PAGE = 100;
  private final CaptureRepository reads;
  private final FileStore files;
  private final Clock clock;

  public CaptureVerifier(CaptureRepository reads, FileStore files, Clock clock) {
    this.reads = reads;
    this.files = files;
    this.clock = clock;
  }

  /** What the previous capture in the chain is, as far as the walk (or a lookup) found it. */
  private record Previous(long sequence, String manifestSha256, String missing) {}

  public Verification.OfCapture verify(Capture capture) {
    long before = capture.sequence() - 1;
    Previous previous = before < 1 ? new Previous(0, null, null) : reads.bySequence(before)
        .map(p -> new Previous(before, p.manifestSha256(), null))
        .orElseGet(() -> new Previous(before, null,
            "La capture n° " + before + " est introuvable : la chaîne est rompue."));
    return verify(capture, previous);
  }

  public Verification.OfChain verifyChain() {
    long last = 0;
    String lastHash = null;
    long checked = 0;
    Verification.Broken first = null;
    for (List<Capture> page = reads.chainAfter(0, PAGE); !page.isEmpty(); page = reads.chainAfter(last, PAGE)) {
      for (Capture c : page) {
        Previous previous = c.sequence() == last + 1 ? new Previous(last, lastHash, null)
            : new Previous(c.sequence() - 1, null, "Les captures n° " + (last + 1) + " à " + (c.sequence() - 1)
                + " manquent : la chaîne est rompue.");
        Verification.OfCapture result = verify(c, previous);
        checked++;
        if (!result.ok() && first == null) {
          first = new Verification.Broken(c.id(), c.sequence(), result.firstProblem());
        }
        last = c.sequence();
        lastHash = c.manifestSha256();
      }
    }
    return new Verification.OfChain(first == null, checked, lastHash, first, clock.instant());
  }

  private Verification.OfCapture verify(Capture c, Previous previous) {
    List<Verification.FileCheck> fileChecks = new ArrayList<>();
    c.files().forEach(f -> fileChecks.add(file(f)));
    Verification.ManifestCheck manifest = manifest(c);
    Verification.PreviousCheck link = link(c, previous);
    Verification.TimestampCheck timestamp = timestamp(c);
    boolean ok = manifest.ok() && fileChecks.stream().allMatch(Verification.FileCheck::ok) && link.ok()
        && !timestamp.status().equals("invalid");
    return new Verification.OfCapture(c.id(), ok, manifest, fileChecks, link, timestamp, clock.instant());
  }

  private Verification.FileCheck file(StoredFile f) {
    Optional<InputStream> in = files.open(f.sha256());
    if (in.isEmpty()) {
      return new Verification.FileCheck(f.role(), f.sha256(), null, false,
          "Le fichier " + f.role() + " est introuvable dans le dépôt de preuves.");
    }
    String actual;
    try (InputStream stream = in.get()) {
      actual = Sha256.hex(stream);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return actual.equals(f.sha256()) ? new Verification.FileCheck(f.role(), f.sha256(), actual, true, null)
        : new Verification.FileCheck(f.role(), f.sha256(), actual, false,
            "Le fichier " + f.role() + " a été modifié : son SHA-256 n'est plus celui enregistré à la capture.");
  }

  private Verification.ManifestCheck manifest(Capture c) {
    byte[] rebuilt = Manifest.of(c).bytes();
    String actual = Sha256.hex(rebuilt);
    if (!actual.equals(c.manifestSha256())) {
      return new Verification.ManifestCheck(c.manifestSha256(), actual, false,
          "Le manifeste reconstruit depuis la base (" + shortHash(actual) + ") n'est pas celui enregistré à la "
          + "capture (" + shortHash(c.manifestSha256()) + ")"
          + ManifestDiff.describe(c.file(FileRole.MANIFEST).flatMap(f -> files.open(f.sha256())), rebuilt) + ".");
    }
    Optional<StoredFile> file = c.file(FileRole.MANIFEST);
    if (file.isEmpty() || !file.get().sha256().equals(c.manifestSha256())) {
      return new Verification.ManifestCheck(c.manifestSha256(), actual, false,
          "Le fichier du manifeste enregistré ne porte pas le hachage du manifeste de la capture.");
    }
    return new Verification.ManifestCheck(c.manifestSha256(), actual, true, null);
  }

  private static Verification.PreviousCheck link(Capture c, Previous previous) {
    if (previous.missing() != null) {
      return new Verification.PreviousCheck(previous.sequence(), false, previous.missing());
    }
    if (Objects.equals(c.previousManifestSha256(), previous.manifestSha256())) {
      return new Verification.PreviousCheck(previous.sequence(), true, null);
    }
    String named = c.previousManifestSha256() == null ? "aucun précédent"
        : "un précédent (" + shortHash(c.previousManifestSha256()) + ")";
    return new Verification.PreviousCheck(previous.sequence(), false, previous.sequence() == 0
        ? "Le manifeste de la première capture nomme " + named + "."
        : "Le manifeste nomme " + named + " qui n'est pas celui de la capture n° " + previous.sequence() + ".");
  }

  private Verification.TimestampCheck timestamp(Capture c) {
    Optional<StoredFile> token = c.file(FileRole.TIMESTAMP);
    if (token.isEmpty()) {
      return new Verification.TimestampCheck("absent", null, null);
    }
    Optional<InputStream> in = files.open(token.get().sha256());
    if (in.isEmpty()) {
      return new Verification.TimestampCheck("invalid", null, "Le jeton d'horodatage est introuvable dans le dépôt.");
    }
    byte[] bytes;
    try (InputStream stream = in.get()) {
      bytes = stream.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Timestamper.Check check = Tokens.check(bytes, Sha256.bytes(c.manifestSha256()));
    return new Verification.TimestampCheck(check.valid() ? "valid" : "invalid", check.genTime(),
        check.valid() ? null : Optional.ofNullable(check.problem()).orElse("Le jeton d'horodatage ne se vérifie pas."));
  }

  static String shortHash(String sha) {
    return sha == null ? "aucun" : sha.substring(0, 4) + "…";
  }
}
