package fr.vigie.capture.timestamp;

import fr.vigie.capture.timestamp.Timestamper.Check;
import java.io.IOException;
import java.time.Instant;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Checks a stored RFC 3161 token against a manifest digest with nothing but the token itself (the certificate it
 * carries): no authority needs to be configured or reachable, as for anyone verifying the evidence later.
 */
public final class Tokens {

  private static final TokenVerifier VERIFIER = new TokenVerifier();

  private Tokens() {}

  /** Imprint, status and signature of the token; the problem in French when it does not hold up. */
  public static Check check(byte[] token, byte[] sha256Digest) {
    if (sha256Digest == null || sha256Digest.length != 32) {
      throw new IllegalArgumentException("une empreinte SHA-256 fait 32 octets");
    }
    TimeStampResponse response;
    try {
      response = new TimeStampResponse(token);
    } catch (TSPException | IOException | RuntimeException e) {
      // Bouncy Castle reports some malformed ASN.1 as IllegalArgumentException or ClassCastException.
      return new Check(false, null, "le jeton d'horodatage est illisible (ce n'est pas une réponse RFC 3161)");
    }
    TimeStampToken stamped = response.getTimeStampToken();
    if (!TspStatus.granted(response) || stamped == null) {
      return new Check(false, null, "le jeton ne contient pas d'horodatage accordé (" + TspStatus.describe(response) + ")");
    }
    Instant genTime = stamped.getTimeStampInfo().getGenTime().toInstant();
    return VERIFIER.problem(stamped, sha256Digest)
        .map(problem -> new Check(false, genTime, problem))
        .orElseGet(() -> new Check(true, genTime, null));
  }
}
