package fr.vigie;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import fr.vigie.account.Account;
import fr.vigie.account.AccountRepository;
import fr.vigie.account.Role;
import fr.vigie.account.Secrets;
import fr.vigie.capture.timestamp.Timestamper;
import fr.vigie.db.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/** A real Vigie on a free port with its own data folder, and an HTTP client that speaks to it. */
public final class TestServer implements AutoCloseable {

  public static final String ADMIN_TOKEN = "test-admin-token-0123456789";
  public static final String ADMIN_PASSWORD = "correct horse battery staple";
  public static final ObjectMapper JSON = new ObjectMapper();

  private final App app;
  private final Path dataDir;
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  public TestServer(Path dataDir) {
    this(dataDir, null, url -> {
      throw new IllegalStateException("no time-stamping authority in this test");
    });
  }

  /** A Vigie whose VIGIE_TSA_URL is {@code tsaUrl} (null: none), the authority's client built by {@code timestampers}. */
  public TestServer(Path dataDir, String tsaUrl, Function<String, Timestamper> timestampers) {
    Config config = new Config(0, dataDir, Optional.of(ADMIN_TOKEN), Optional.of(ADMIN_PASSWORD));
    this.dataDir = dataDir;
    this.app = new App(tsaUrl == null ? config : config.withTsaUrl(tsaUrl), Clock.systemUTC(), timestampers).start();
  }

  /** Creates an account with this role and gives an API token for it (there is no API for that yet). */
  public String tokenFor(String login, Role role) {
    AccountRepository accounts = new AccountRepository(new Database(dataDir.resolve("vigie.db")).dsl());
    Account account = new Account("acct-" + login, login, login, role, "$2b$10$unused", Instant.now());
    accounts.insert(account);
    String token = Secrets.token("vigie_");
    accounts.insertToken(Secrets.sha256Hex(token), account.id(), "test", Instant.now());
    return token;
  }

  public App app() {
    return app;
  }

  public URI uri(String path) {
    return URI.create("http://localhost:" + app.port() + path);
  }

  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + ADMIN_TOKEN);
  }

  public HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<byte[]> sendForBytes(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** POST /api/v1/captures with these parts, as the extension sends it. */
  public HttpResponse<String> upload(String idempotencyKey, Multipart parts) {
    HttpRequest.Builder b = request("/api/v1/captures").header("Content-Type", parts.contentType());
    if (idempotencyKey != null) {
      b.header("Idempotency-Key", idempotencyKey);
    }
    return send(b.POST(parts.publisher()).build());
  }

  public HttpResponse<String> get(String path) {
    return send(request(path).GET().build());
  }

  public HttpResponse<String> postJson(String path, String body) {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  public static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + response.body(), e);
    }
  }

  @Override
  public void close() {
    app.stop();
  }
}
