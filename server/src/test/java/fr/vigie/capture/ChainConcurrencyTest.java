package fr.vigie.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.Bundle;
import fr.vigie.Store;
import fr.vigie.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads racing each other still make one chain without gaps or forks. */
class ChainConcurrencyTest {

  @TempDir Path data;

  @Test
  void eight_threads_of_twenty_five_uploads_give_contiguous_sequences_and_an_intact_chain() throws Exception {
    try (TestServer server = new TestServer(data)) {
      List<Bundle> bundles = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        bundles.add(Bundle.minimal().post("race-" + i));
      }
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<List<Integer>>> threads = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int first = t * 25;
        threads.add(pool.submit(() -> {
          List<Integer> statuses = new ArrayList<>();
          for (int i = first; i < first + 25; i++) {
            HttpResponse<String> r = server.upload(UUID.randomUUID().toString(), bundles.get(i).multipart());
            statuses.add(r.statusCode());
          }
          return statuses;
        }));
      }
      for (Future<List<Integer>> thread : threads) {
        assertThat(thread.get()).containsOnly(201);
      }
      pool.shutdown();

      assertThat(Store.count(data, "SELECT count(DISTINCT sequence) FROM capture")).isEqualTo(200);
      assertThat(Store.count(data, "SELECT min(sequence) FROM capture")).isEqualTo(1);
      assertThat(Store.count(data, "SELECT max(sequence) FROM capture")).isEqualTo(200);
      assertThat(Store.count(data, "SELECT count(*) FROM capture a JOIN capture b ON b.sequence = a.sequence + 1 "
          + "WHERE b.previous_manifest_sha256 = a.manifest_sha256")).as("every link names its predecessor").isEqualTo(199);
      JsonNode walk = TestServer.json(server.get("/api/v1/captures/verify"));
      assertThat(walk.get("ok").asBoolean()).as(walk.toString()).isTrue();
      assertThat(walk.get("checked").asInt()).isEqualTo(200);
    }
  }

  @Test
  void the_same_idempotency_key_sent_concurrently_stores_one_capture() throws Exception {
    try (TestServer server = new TestServer(data)) {
      Bundle bundle = Bundle.full();
      String key = UUID.randomUUID().toString();
      ExecutorService pool = Executors.newFixedThreadPool(6);
      List<Future<HttpResponse<String>>> sent = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        sent.add(pool.submit(() -> server.upload(key, bundle.multipart())));
      }
      List<String> ids = new ArrayList<>();
      int created = 0;
      for (Future<HttpResponse<String>> f : sent) {
        HttpResponse<String> r = f.get();
        assertThat(r.statusCode()).isIn(200, 201);
        created += r.statusCode() == 201 ? 1 : 0;
        ids.add(TestServer.json(r).get("id").asText());
      }
      pool.shutdown();
      assertThat(created).isEqualTo(1);
      assertThat(ids).containsOnly(ids.get(0));
      assertThat(Store.count(data, "SELECT count(*) FROM capture")).isEqualTo(1);
    }
  }
}
