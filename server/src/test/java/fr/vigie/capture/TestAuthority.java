package fr.vigie.capture;

import com.sun.net.httpserver.HttpServer;
import fr.vigie.capture.timestamp.Timestamper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in time-stamping authority on a real local HTTP port, and the client the capture service talks to: it tests
 * the service's handling of tokens (stored, retried, checked, exported), not RFC 3161 itself, which the real client
 * (fr.vigie.capture.timestamp) and its own local TSA test. Its "token" is text naming the digest and the time.
 */
final class TestAuthority implements AutoCloseable {

  private final HttpServer http;
  private final AtomicBoolean answering = new AtomicBoolean(true);
  private final AtomicInteger requests = new AtomicInteger();

  TestAuthority() throws IOException {
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.createContext("/tsr", exchange -> {
      requests.incrementAndGet();
      byte[] digest = exchange.getRequestBody().readAllBytes();
      byte[] answer = ("VIGIE-TEST-TOKEN\n" + HexFormat.of().formatHex(digest) + "\n"
          + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n").getBytes(StandardCharsets.US_ASCII);
      int status = answering.get() ? 200 : 503;
      exchange.sendResponseHeaders(status, status == 200 ? answer.length : -1);
      try (OutputStream out = exchange.getResponseBody()) {
        if (status == 200) {
          out.write(answer);
        }
      }
    });
    http.start();
  }

  String url() {
    return "http://127.0.0.1:" + http.getAddress().getPort() + "/tsr";
  }

  /** false: answers 503 Service Unavailable, as an authority under maintenance. */
  void answering(boolean yes) {
    answering.set(yes);
  }

  int requests() {
    return requests.get();
  }

  @Override
  public void close() {
    http.stop(0);
  }

  /** The client: POSTs the digest, keeps the answer as the token. */
  static Timestamper client(String url) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    return new Timestamper() {
      @Override
      public Stamp stamp(byte[] sha256Digest) throws TimestampException {
        HttpResponse<byte[]> r;
        try {
          r = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2))
              .POST(HttpRequest.BodyPublishers.ofByteArray(sha256Digest)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
          throw new TimestampException("L'autorité d'horodatage " + url + " est injoignable.", e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new TimestampException("Horodatage interrompu.", e);
        }
        if (r.statusCode() != 200) {
          throw new TimestampException("L'autorité d'horodatage a répondu HTTP " + r.statusCode() + ".", null);
        }
        return new Stamp(r.body(), Instant.parse(new String(r.body(), StandardCharsets.US_ASCII).split("\n")[2]));
      }

      @Override
      public Check check(byte[] token, byte[] sha256Digest) {
        String[] lines = new String(token, StandardCharsets.US_ASCII).split("\n");
        if (lines.length != 3 || !lines[0].equals("VIGIE-TEST-TOKEN")) {
          return new Check(false, null, "Ce n'est pas un jeton de l'autorité de test.");
        }
        return lines[1].equals(HexFormat.of().formatHex(sha256Digest)) ? new Check(true, Instant.parse(lines[2]), null)
            : new Check(false, Instant.parse(lines[2]), "Le jeton porte sur une autre empreinte que celle du manifeste.");
      }

      @Override
      public String authority() {
        return url;
      }
    };
  }

  /** An address where nothing listens. */
  static String nowhere() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return "http://127.0.0.1:" + socket.getLocalPort() + "/tsr";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
