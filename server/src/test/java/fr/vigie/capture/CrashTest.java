package fr.vigie.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.vigie.Fixtures;
import fr.vigie.Multipart;
import fr.vigie.ServerProcess;
import fr.vigie.Store;
import fr.vigie.TestServer;
import fr.vigie.account.Secrets;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance: 1,000 captures uploaded by 4 clients that retry like the extension (same Idempotency-Key), while the
 * server is killed with SIGKILL 3 times and restarted. Every acknowledged capture must be there and verify, exactly
 * once, and no capture may be half-written (a row without its files, a file row without its file).
 */
@Tag("acceptance")
class CrashTest {

  static final int CAPTURES = 1000;
  static final int CLIENTS = 4;
  static final int KILLS = 3;

  @TempDir Path data;
  @TempDir Path logs;

  record Acked(String id, String screenshotSha256, boolean replayed) {}

  @Test
  void every_acknowledged_capture_survives_sigkills_during_a_thousand_uploads() throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    long started = System.nanoTime();
    Map<Integer, Acked> acked = new ConcurrentHashMap<>();
    AtomicInteger retried = new AtomicInteger();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    try (ServerProcess server = new ServerProcess(data, logs.resolve("vigie.log"))) {
      server.start();
      AtomicInteger next = new AtomicInteger();
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        running.add(clients.submit(() -> {
          for (int i; (i = next.getAndIncrement()) < CAPTURES; ) {
            acked.put(i, uploadUntilAcknowledged(http, server, i, retried));
          }
          return null;
        }));
      }
      List<Integer> killAt = new ArrayList<>();
      for (int k = 0; k < KILLS; k++) {
        killAt.add(100 + random.nextInt(CAPTURES - 200));
      }
      killAt.sort(null);
      long down = 0;
      for (int threshold : killAt) {
        while (acked.size() < threshold) {
          Thread.sleep(2);
        }
        Thread.sleep(random.nextInt(30));
        long killed = System.nanoTime();
        server.kill();
        server.start();
        down += System.nanoTime() - killed;
      }
      for (Future<?> f : running) {
        f.get();
      }
      clients.shutdown();
      double seconds = (System.nanoTime() - started) / 1e9;

      assertThat(acked).hasSize(CAPTURES);
      for (Acked a : acked.values()) {
        HttpResponse<String> v = http.send(admin(server, "/api/v1/captures/" + a.id() + "/verify").build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(v.statusCode()).as(a.id()).isEqualTo(200);
        JsonNode verification = TestServer.json(v);
        assertThat(verification.get("ok").asBoolean()).as(v.body()).isTrue();
        assertThat(verification.at("/files/0/sha256").asText()).isEqualTo(a.screenshotSha256());
      }
      JsonNode chain = TestServer.json(http.send(admin(server, "/api/v1/captures/verify").build(),
          HttpResponse.BodyHandlers.ofString()));
      assertThat(chain.get("ok").asBoolean()).as(chain.toString()).isTrue();
      assertThat(chain.get("checked").asInt()).isEqualTo(CAPTURES);
      long replayed = acked.values().stream().filter(Acked::replayed).count();
      System.out.printf("Crash test (seed %d): %d acknowledged, %d retried requests, %d acknowledged by replay, "
          + "%d SIGKILLs, %.1f s of uploads of which %.1f s restarting (%.0f captures/s while up)%n", seed, acked.size(),
          retried.get(), replayed, KILLS, seconds, down / 1e9, CAPTURES / (seconds - down / 1e9));
    }
    assertStoreIsWhole();
  }

  /** Sends one capture until the server acknowledges it, retrying on refused connections and 5xx as the extension does. */
  private static Acked uploadUntilAcknowledged(HttpClient http, ServerProcess server, int i, AtomicInteger retried)
      throws InterruptedException {
    byte[] png = Fixtures.png(40 + i % 200, 20 + i / 200);
    ObjectNode metadata = Fixtures.metadataFor(png).put("postId", "crash-" + i);
    String key = "crash-" + i + "-" + UUID.randomUUID();
    for (int attempt = 0; ; attempt++) {
      Multipart parts = new Multipart().file("metadata", "blob", "application/json", metadata.toString().getBytes())
          .file("screenshot", "screenshot.png", "image/png", png);
      try {
        HttpResponse<String> r = http.send(admin(server, "/api/v1/captures").timeout(Duration.ofSeconds(20))
            .header("Content-Type", parts.contentType()).header("Idempotency-Key", key).POST(parts.publisher()).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 201 || r.statusCode() == 200) {
          JsonNode capture = TestServer.json(r);
          assertThat(capture.at("/metadata/postId").asText()).isEqualTo("crash-" + i);
          return new Acked(capture.get("id").asText(), Secrets.sha256Hex(png), r.statusCode() == 200);
        }
        assertThat(r.statusCode()).as("only server trouble is retried: " + r.body()).isGreaterThanOrEqualTo(500);
      } catch (IOException e) {
        // The server is down or was killed mid-request: the extension keeps the capture and tries again.
      }
      retried.incrementAndGet();
      Thread.sleep(Math.min(400, 25L << Math.min(attempt, 4)));
    }
  }

  private static HttpRequest.Builder admin(ServerProcess server, String path) {
    return HttpRequest.newBuilder(server.uri(path)).header("Authorization", "Bearer " + TestServer.ADMIN_TOKEN);
  }

  /** Straight from the SQLite file and the disk, with the server stopped. */
  private void assertStoreIsWhole() throws Exception {
    assertThat(Store.count(data, "SELECT count(*) FROM capture")).as("each capture exactly once").isEqualTo(CAPTURES);
    assertThat(Store.count(data, "SELECT count(DISTINCT sequence) FROM capture WHERE sequence BETWEEN 1 AND " + CAPTURES))
        .isEqualTo(CAPTURES);
    assertThat(Store.count(data, "SELECT count(*) FROM capture c WHERE NOT EXISTS (SELECT 1 FROM capture_file f "
        + "WHERE f.capture_id = c.id AND f.role = 'screenshot') OR NOT EXISTS (SELECT 1 FROM capture_file f "
        + "WHERE f.capture_id = c.id AND f.role = 'manifest')")).as("rows without their files").isZero();
    int checked = 0;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("vigie.db"));
        ResultSet files = c.createStatement().executeQuery("SELECT sha256, bytes FROM capture_file")) {
      while (files.next()) {
        Path file = Store.file(data, files.getString(1));
        assertThat(file).as("file row without its file").exists();
        assertThat(Files.size(file)).isEqualTo(files.getLong(2));
        try (InputStream in = Files.newInputStream(file)) {
          assertThat(Sha256.hex(in)).isEqualTo(files.getString(1));
        }
        checked++;
      }
    }
    assertThat(checked).isEqualTo(2 * CAPTURES);
  }
}
