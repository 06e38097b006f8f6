package fr.vigie.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.App;
import fr.vigie.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The real Vigie server on a free port with a fresh data folder, plus an API client for assertions. */
final class VigieServer implements AutoCloseable {

  static final String ADMIN_TOKEN = "e2e-admin-token-0123456789abcdef";
  static final String ADMIN_PASSWORD = "mot de passe de test e2e";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final App app;
  private final Path data;
  private final HttpClient http = HttpClient.newHttpClient();

  VigieServer() {
    this(newDataDir(), 0);
  }

  /** A server on {@code port} over an existing data folder: the same server after a restart. */
  VigieServer(Path data, int port) {
    this.data = data;
    this.app = new App(new Config(port, data, Optional.of(ADMIN_TOKEN), Optional.of(ADMIN_PASSWORD))).start();
  }

  static Path newDataDir() {
    try {
      return Files.createTempDirectory("vigie-e2e-data");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A port nothing listens on now, for a server that is started, stopped and started again on it. */
  static int freePort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The data folder: evidence files are under files/ab/cd/abcd… (content-addressed). */
  Path dataDir() {
    return data;
  }

  String url() {
    return "http://localhost:" + app.port();
  }

  JsonNode getJson(String path) {
    try {
      HttpResponse<String> r = http.send(request(path), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new AssertionError("GET " + path + " → " + r.statusCode() + " " + r.body());
      }
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  byte[] getBytes(String path) {
    try {
      return http.send(request(path), HttpResponse.BodyHandlers.ofByteArray()).body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpRequest request(String path) {
    return HttpRequest.newBuilder(URI.create(url() + path)).header("Authorization", "Bearer " + ADMIN_TOKEN).GET().build();
  }

  @Override
  public void close() {
    app.stop();
  }
}
