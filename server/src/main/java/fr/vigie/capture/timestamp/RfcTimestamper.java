package fr.vigie.capture.timestamp;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * An RFC 3161 authority reached over HTTP (RFC 3161 §3.4): one DER TimeStampReq posted, one DER TimeStampResp
 * read back and checked before it is trusted with a capture.
 */
public final class RfcTimestamper implements Timestamper {

  /** Real replies are a few kilobytes (one certificate chain at most); anything far larger is not one. It is checked
   * once received: the authority is the administrator's choice, and the delay bounds how much it can send. */
  private static final int MAX_RESPONSE_BYTES = 512 * 1024;

  private final String url;
  private final URI uri;
  private final Duration timeout;
  private final HttpClient http;
  private final SecureRandom random = new SecureRandom();
  private final TokenVerifier verifier = new TokenVerifier();

  /** @throws IllegalArgumentException when the URL is not an absolute http(s) address (a configuration error). */
  public RfcTimestamper(String url, Duration timeout) {
    this.uri = parse(url);
    this.url = url;
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("le délai d'horodatage doit être positif (reçu " + timeout + ")");
    }
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @Override
  public Stamp stamp(byte[] sha256Digest) throws TimestampException {
    requireSha256(sha256Digest);
    TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
    // certReq: the token then carries the authority's certificate, so it can be verified without asking anyone.
    generator.setCertReq(true);
    BigInteger nonce = new BigInteger(64, random);
    TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, sha256Digest, nonce);

    byte[] answer = post(request);
    TimeStampResponse response = parseResponse(answer);
    if (!TspStatus.granted(response)) {
      throw new TimestampException("L'autorité d'horodatage a refusé la demande : " + TspStatus.describe(response),
          null);
    }
    TimeStampToken token = response.getTimeStampToken();
    if (token == null) {
      throw new TimestampException("L'autorité d'horodatage a accordé la demande sans joindre de jeton", null);
    }
    if (!nonce.equals(token.getTimeStampInfo().getNonce())) {
      throw new TimestampException(
          "Le jeton de l'autorité d'horodatage ne porte pas le nonce de notre demande (réponse rejouée ou mélangée)",
          null);
    }
    Optional<String> problem = verifier.problem(token, sha256Digest);
    if (problem.isPresent()) {
      throw new TimestampException("Jeton d'horodatage refusé : " + problem.get(), null);
    }
    // The authority's own bytes, not a re-encoding: the evidence is exactly what it signed and sent.
    return new Stamp(answer, token.getTimeStampInfo().getGenTime().toInstant());
  }

  @Override
  public Check check(byte[] token, byte[] sha256Digest) {
    return Tokens.check(token, sha256Digest);
  }

  @Override
  public String authority() {
    return url;
  }

  private byte[] post(TimeStampRequest request) throws TimestampException {
    byte[] body;
    try {
      body = request.getEncoded();
    } catch (IOException e) {
      throw new TimestampException("La demande d'horodatage n'a pas pu être encodée", e);
    }
    HttpRequest httpRequest = HttpRequest.newBuilder(uri)
        .timeout(timeout)
        .header("Content-Type", "application/timestamp-query")
        .header("Accept", "application/timestamp-reply")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    CompletableFuture<HttpResponse<byte[]>> exchange =
        http.sendAsync(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
    HttpResponse<byte[]> response;
    try {
      // The whole exchange within the delay, body included: send() returns with the headers, and reading a body
      // that stalls after them would never end.
      response = exchange.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw tooSlow(e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof HttpTimeoutException) {
        throw tooSlow(e.getCause());
      }
      throw new TimestampException("L'autorité d'horodatage est injoignable (" + url + ")", e.getCause());
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw new TimestampException("La demande d'horodatage a été interrompue", e);
    }
    if (response.statusCode() != 200) {
      throw new TimestampException("L'autorité d'horodatage a répondu HTTP " + response.statusCode(), null);
    }
    if (response.body().length > MAX_RESPONSE_BYTES) {
      throw new TimestampException("La réponse de l'autorité d'horodatage dépasse "
          + MAX_RESPONSE_BYTES / 1024 + " Kio : ce n'est pas une réponse RFC 3161", null);
    }
    return response.body();
  }

  private TimestampException tooSlow(Throwable cause) {
    return new TimestampException("L'autorité d'horodatage (" + url + ") n'a pas répondu en "
        + timeout.toMillis() + " ms", cause);
  }

  private static TimeStampResponse parseResponse(byte[] bytes) throws TimestampException {
    try {
      return new TimeStampResponse(bytes);
    } catch (TSPException | IOException | RuntimeException e) {
      throw new TimestampException(
          "La réponse de l'autorité d'horodatage n'est pas une réponse RFC 3161 (TSP) lisible", e);
    }
  }

  private static URI parse(String url) {
    URI parsed;
    try {
      parsed = URI.create(url == null ? "" : url.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("VIGIE_TSA_URL n'est pas une adresse valide : " + url, e);
    }
    if (!"http".equals(parsed.getScheme()) && !"https".equals(parsed.getScheme()) || parsed.getHost() == null) {
      throw new IllegalArgumentException("VIGIE_TSA_URL doit être une adresse http(s) absolue (reçu : " + url + ")");
    }
    return parsed;
  }

  private static void requireSha256(byte[] digest) {
    if (digest == null || digest.length != 32) {
      throw new IllegalArgumentException("une empreinte SHA-256 fait 32 octets");
    }
  }
}
