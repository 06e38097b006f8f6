package fr.vigie.capture;

import fr.vigie.web.ApiException;
import fr.vigie.web.Principal;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Reading captures, their files and their checks, and recording deleted sightings; who may see what. No HTTP here. */
public final class CaptureService {

  static final int MAX_ON_PAGE = 500;
  /** A browser clock a little ahead is tolerated; a sighting further in the future is not a sighting. */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
  private final CaptureRepository reads;
  private final CaptureWrites writes;
  private final FileStore files;
  private final CaptureVerifier verifier;
  private final Clock clock;

  public CaptureService(CaptureRepository reads, CaptureWrites writes, FileStore files, CaptureVerifier verifier,
      Clock clock) {
    this.reads = reads;
    this.writes = writes;
    this.files = files;
    this.verifier = verifier;
    this.clock = clock;
  }

  /** A stored file, opened for sending. */
  public record Download(Capture capture, FileRole role, StoredFile file, InputStream content) {}

  public Capture get(Principal principal, String id) {
    return reads.byId(id).filter(c -> principal.canReview() || c.custody().accountId().equals(principal.accountId()))
        .orElseThrow(() -> new ApiException.NotFound("Aucune capture " + id + ".", "No capture " + id + "."));
  }

  public List<Capture> newestFirst(Principal principal, int limit, int offset) {
    if (limit < 1 || limit > 200 || offset < 0) {
      throw new ApiException.BadRequest("invalid_paging", "limit doit être entre 1 et 200 et offset positif.",
          "limit must be between 1 and 200 and offset not negative.");
    }
    return reads.newestFirst(limit, offset, ownOnly(principal));
  }

  public Download file(Principal principal, String id, String roleName) {
    Capture capture = get(principal, id);
    FileRole role = FileRole.fromWire(roleName).orElseThrow(() -> new ApiException.NotFound(
        "Rôle de fichier inconnu : " + roleName + ".", "Unknown file role: " + roleName + "."));
    StoredFile file = capture.file(role).orElseThrow(() -> new ApiException.NotFound(
        "La capture " + id + " n'a pas de fichier " + role.wire() + ".",
        "Capture " + id + " has no " + role.wire() + " file."));
    InputStream content = files.open(file.sha256()).orElseThrow(() -> new ApiException.Conflict("file_missing",
        "Le fichier " + role.wire() + " de la capture " + id + " est introuvable dans le dépôt de preuves.",
        "File " + role.wire() + " of capture " + id + " is missing from the evidence store."));
    return new Download(capture, role, file, content);
  }

  /** Keeps the earliest sighting; sending the same one again changes nothing. */
  public Capture markDeleted(Principal principal, String id, DeletedSighting sighting) {
    Capture capture = get(principal, id);
    if (sighting.seenAt().isAfter(clock.instant().plus(CLOCK_SKEW))) {
      throw new ApiException.BadRequest("seen_in_future", "seenAt (" + sighting.seenAt() + ") est dans le futur selon "
          + "l'horloge du serveur.", "seenAt is in the future by the server's clock.");
    }
    writes.markDeleted(capture.id(), sighting.seenAt(), sighting.how(), sighting.pageUrl());
    return reads.byId(id).orElseThrow();
  }

  public List<CaptureRepository.OnPage> onPage(Principal principal, String url) {
    if (url == null || url.length() > 4096 || !(url.startsWith("http://") || url.startsWith("https://"))) {
      throw new ApiException.BadRequest("invalid_parameter", "Le paramètre url doit être une adresse http(s) de 4096 "
          + "caractères au plus.", "Parameter url must be an http(s) address of at most 4096 characters.");
    }
    return reads.onPage(UrlKey.of(url), MAX_ON_PAGE, ownOnly(principal));
  }

  public Verification.OfCapture verify(Principal principal, String id) {
    return verifier.verify(get(principal, id));
  }

  public Verification.OfChain verifyChain(Principal principal) {
    if (!principal.canReview()) {
      throw new ApiException.Forbidden("Seuls les superviseurs et les administrateurs vérifient toute la chaîne.",
          "Only supervisors and admins verify the whole chain.");
    }
    return verifier.verifyChain();
  }

  /** CMs see their own captures; supervisors and admins see all. */
  private static Optional<String> ownOnly(Principal principal) {
    return principal.canReview() ? Optional.empty() : Optional.of(principal.accountId());
  }
}
