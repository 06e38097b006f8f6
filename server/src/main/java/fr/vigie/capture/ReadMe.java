package fr.vigie.capture;

import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;

/** LISEZMOI.txt of the export: how to check the bundle with standard tools, in French then in English. */
final class ReadMe {

  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'")
      .withZone(ZoneOffset.UTC);

  private ReadMe() {}

  static String of(Capture c) {
    long before = c.sequence() - 1;
    String previous = c.previousManifestSha256() == null ? "aucun (première capture de la chaîne)"
        : c.previousManifestSha256() + " (capture n° " + before + ")";
    String previousEn = c.previousManifestSha256() == null ? "none (first capture of the chain)"
        : c.previousManifestSha256() + " (capture no. " + before + ")";
    boolean stamped = c.file(FileRole.TIMESTAMP).isPresent();
    String authority = c.timestamp().authority() == null ? "?" : c.timestamp().authority();
    return """
        PREUVE VIGIE — capture %1$s
        ==========================================================================

        Capture %1$s, n° %2$d de la chaîne de Vigie, reçue par le serveur le %3$s.
        SHA-256 du manifeste : %4$s
        Manifeste précédent  : %5$s
        Horodatage RFC 3161  : %6$s

        Contenu
          manifest.json    le manifeste : métadonnées de la capture, SHA-256 de chaque fichier (JSON canonique RFC 8785)
          screenshot.png   la publication, recadrée dans la page
          viewport.png     toute la fenêtre visible, la publication encadrée (si présent)
          html.html        le code HTML de la publication, scripts retirés (si présent ; à ouvrir hors ligne)
          mhtml.mhtml      la page entière enregistrée par le navigateur (si présent)
          timestamp.tsr    le jeton d'horodatage du manifeste (si présent)
          SHA256SUMS       le SHA-256 de chaque fichier ci-dessus

        Vérifier sans Vigie
          1. Les fichiers sont intacts :
               sha256sum -c SHA256SUMS
             chaque ligne doit finir par « OK » (ou « Réussi »).
          2. Le manifeste est bien celui de la capture :
               sha256sum manifest.json
             doit afficher %4$s.
             Les SHA-256 des fichiers y figurent aussi (champ "files") : le manifeste engage chaque fichier.
          3. La chaîne : le champ "previousManifestSha256" de manifest.json est le SHA-256 du manifest.json de la
             capture précédente (n° %7$d ; exportez-la pour comparer). Chaque capture nomme ainsi la précédente : on ne
             peut ni retirer ni modifier une capture sans rompre tous les maillons qui suivent.
          4. L'horodatage, si timestamp.tsr est présent :
               openssl ts -verify -digest %4$s -in timestamp.tsr -CAfile <certificat de l'autorité>
             doit afficher « Verification: OK ». Autorité : %8$s (son certificat se demande à elle).

        --------------------------------------------------------------------------
        VIGIE EVIDENCE — capture %1$s

        Capture %1$s, no. %2$d in Vigie's chain, received by the server on %3$s.
        Manifest SHA-256    : %4$s
        Previous manifest   : %9$s
        RFC 3161 timestamp  : %10$s

        Contents
          manifest.json    the manifest: the capture's metadata and every file's SHA-256 (canonical JSON, RFC 8785)
          screenshot.png   the post, cropped from the page
          viewport.png     the whole visible window, the post outlined (if present)
          html.html        the post's HTML, scripts removed (if present; open it offline)
          mhtml.mhtml      the whole page as saved by the browser (if present)
          timestamp.tsr    the manifest's timestamp token (if present)
          SHA256SUMS       the SHA-256 of every file above

        Checking without Vigie
          1. The files are intact:        sha256sum -c SHA256SUMS        (every line ends with "OK")
          2. The manifest is the capture's: sha256sum manifest.json prints %4$s.
             It lists every file's SHA-256 too (field "files"), so it commits to each file.
          3. The chain: field "previousManifestSha256" of manifest.json is the SHA-256 of the previous capture's
             manifest.json (no. %7$d; export it to compare). Each capture names the one before it: no capture can be
             removed or changed without breaking every later link.
          4. The timestamp, if timestamp.tsr is present:
               openssl ts -verify -digest %4$s -in timestamp.tsr -CAfile <the authority's certificate>
             prints "Verification: OK". Authority: %8$s (ask it for its certificate).
        """.formatted(c.id(), c.sequence(), UTC.format(c.receivedAt()), c.manifestSha256(), previous,
        stamped ? "timestamp.tsr, " + authority : "aucun", before, authority, previousEn,
        stamped ? "timestamp.tsr, " + authority : "none");
  }
}
