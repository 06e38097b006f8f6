package fr.vigie.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.Bundle;
import fr.vigie.Store;
import fr.vigie.TestServer;
import fr.vigie.capture.timestamp.LocalTsa;
import fr.vigie.capture.timestamp.RfcTimestamper;
import fr.vigie.capture.timestamp.Timestamper;
import fr.vigie.capture.timestamp.Tokens;
import fr.vigie.web.Schemas;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trusted timestamps of manifest hashes, with the real RFC 3161 client against a local authority built with the same
 * library: stamped after the commit, never a reason to refuse or lose a capture.
 */
class TimestampTest {

  @TempDir Path data;
  final Schemas schemas = new Schemas();

  static JsonNode store(TestServer server, Bundle bundle) {
    HttpResponse<String> r = server.upload(UUID.randomUUID().toString(), bundle.multipart());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return TestServer.json(r);
  }

  /** The real RFC 3161 client, as App builds it for VIGIE_TSA_URL. */
  static Timestamper client(String url) {
    return new RfcTimestamper(url, Duration.ofSeconds(5));
  }

  /** An address where nothing listens. */
  static String nowhere() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return "http://127.0.0.1:" + socket.getLocalPort() + "/tsa";
    }
  }

  @Test
  void without_an_authority_the_status_is_none_and_verify_says_absent() {
    try (TestServer server = new TestServer(data)) {
      JsonNode capture = store(server, Bundle.minimal());
      assertThat(capture.at("/timestamp/status").asText()).isEqualTo("none");
      assertThat(capture.get("files").findValuesAsText("role")).doesNotContain("timestamp");
      String id = capture.get("id").asText();
      assertThat(TestServer.json(server.get("/api/v1/captures/" + id + "/verify")).at("/timestamp/status").asText())
          .isEqualTo("absent");
    }
  }

  @Test
  void manifest_hash_is_stamped_and_the_token_is_stored_checked_and_exported() throws Exception {
    try (LocalTsa tsa = new LocalTsa(); TestServer server = new TestServer(data, tsa.url(), TimestampTest::client)) {
      JsonNode capture = store(server, Bundle.full());
      assertThat(schemas.violations("capture", capture)).isEmpty();
      assertThat(capture.at("/timestamp/status").asText()).isEqualTo("stamped");
      assertThat(capture.at("/timestamp/authority").asText()).isEqualTo(tsa.url());
      assertThat(capture.at("/timestamp/at").asText()).isNotEmpty();
      JsonNode token = capture.get("files").get(5);
      assertThat(token.get("role").asText()).isEqualTo("timestamp");
      assertThat(token.get("mediaType").asText()).isEqualTo("application/timestamp-reply");

      String id = capture.get("id").asText();
      byte[] bytes = server.sendForBytes(server.request("/api/v1/captures/" + id + "/files/timestamp").GET().build()).body();
      Timestamper.Check served = Tokens.check(bytes, HexFormat.of().parseHex(capture.get("manifestSha256").asText()));
      assertThat(served.valid()).as(served.problem()).isTrue();

      JsonNode v = TestServer.json(server.get("/api/v1/captures/" + id + "/verify"));
      assertThat(schemas.violations("capture-verify", v)).isEmpty();
      assertThat(v.at("/timestamp/status").asText()).isEqualTo("valid");
      assertThat(v.get("ok").asBoolean()).isTrue();

      HttpResponse<byte[]> zip = server.sendForBytes(server.request("/api/v1/captures/" + id + "/export").GET().build());
      assertThat(new String(zip.body(), StandardCharsets.ISO_8859_1)).contains("timestamp.tsr");
    }
  }

  @Test
  void unreachable_authority_keeps_the_capture_marked_failed_in_french_and_a_retry_stamps_it_later() throws Exception {
    String nowhere = nowhere();
    try (TestServer server = new TestServer(data, nowhere, TimestampTest::client)) {
      JsonNode capture = store(server, Bundle.minimal());
      assertThat(capture.at("/timestamp/status").asText()).isEqualTo("failed");
      assertThat(capture.at("/timestamp/message").asText()).contains("injoignable");
      assertThat(server.app().timestamps().retryPending()).as("still down").isZero();
    }
    try (LocalTsa tsa = new LocalTsa(); TestServer server = new TestServer(data, tsa.url(), TimestampTest::client)) {
      assertThat(server.app().timestamps().retryPending()).isEqualTo(1);
      JsonNode list = TestServer.json(server.get("/api/v1/captures")).get("items");
      assertThat(list.get(0).at("/timestamp/status").asText()).isEqualTo("stamped");
      assertThat(TestServer.json(server.get("/api/v1/captures/verify")).get("ok").asBoolean()).isTrue();
    }
  }

  @Test
  void after_a_failure_uploads_stop_waiting_on_the_authority_and_the_background_round_catches_up() throws Exception {
    try (LocalTsa tsa = new LocalTsa(); TestServer server = new TestServer(data, tsa.url(), TimestampTest::client)) {
      tsa.behave(LocalTsa.Behaviour.HTTP_500);
      JsonNode first = store(server, Bundle.minimal());
      assertThat(first.at("/timestamp/message").asText()).contains("500");
      int asked = tsa.requests();
      JsonNode second = store(server, Bundle.minimal());
      assertThat(second.at("/timestamp/status").asText()).isEqualTo("failed");
      assertThat(second.at("/timestamp/message").asText()).contains("arrière-plan");
      assertThat(tsa.requests()).as("the second upload did not wait on the authority").isEqualTo(asked);

      tsa.behave(LocalTsa.Behaviour.GRANT);
      assertThat(server.app().timestamps().retryPending()).isEqualTo(2);
      assertThat(Store.count(data, "SELECT count(*) FROM capture WHERE timestamp_status = 'stamped'")).isEqualTo(2);
      assertThat(Store.count(data, "SELECT count(*) FROM capture_file WHERE role = 'timestamp'")).isEqualTo(2);
    }
  }

  @Test
  void altered_token_fails_verify() throws Exception {
    try (LocalTsa tsa = new LocalTsa(); TestServer server = new TestServer(data, tsa.url(), TimestampTest::client)) {
      JsonNode capture = store(server, Bundle.minimal());
      String id = capture.get("id").asText();
      String tokenSha = capture.get("files").get(2).get("sha256").asText();
      Store.flipOneByte(data, tokenSha);
      JsonNode v = TestServer.json(server.get("/api/v1/captures/" + id + "/verify"));
      assertThat(v.get("ok").asBoolean()).isFalse();
      assertThat(v.get("files").get(2).get("problem").asText()).contains("timestamp");
    }
  }

  @Test
  void token_whose_imprint_is_another_hash_is_invalid() throws Exception {
    try (LocalTsa tsa = new LocalTsa(); TestServer server = new TestServer(data, tsa.url(), TimestampTest::client)) {
      String id = store(server, Bundle.minimal()).get("id").asText();
      // A genuine token of the same authority, over another digest, put in place of the capture's.
      byte[] other = client(tsa.url()).stamp(new byte[32]).token();
      FilesystemFileStore store = new FilesystemFileStore(data.resolve("files"));
      String sha = store.put(other);
      Store.execute(data, "UPDATE capture_file SET sha256 = '" + sha + "', bytes = " + other.length
          + " WHERE role = 'timestamp' AND capture_id = '" + id + "'");
      JsonNode v = TestServer.json(server.get("/api/v1/captures/" + id + "/verify"));
      assertThat(v.at("/timestamp/status").asText()).isEqualTo("invalid");
      assertThat(v.at("/timestamp/problem").asText()).contains("empreinte");
      assertThat(v.get("ok").asBoolean()).isFalse();
    }
  }

  @Test
  void token_is_checked_from_itself_when_no_authority_is_configured_any_more() throws Exception {
    String id;
    try (LocalTsa tsa = new LocalTsa(); TestServer server = new TestServer(data, tsa.url(), TimestampTest::client)) {
      id = store(server, Bundle.minimal()).get("id").asText();
    }
    try (TestServer server = new TestServer(data)) {
      JsonNode v = TestServer.json(server.get("/api/v1/captures/" + id + "/verify"));
      assertThat(v.at("/timestamp/status").asText()).isEqualTo("valid");
      assertThat(v.at("/timestamp/problem").isMissingNode() || v.at("/timestamp/problem").isNull()).isTrue();
      assertThat(v.get("ok").asBoolean()).isTrue();
    }
  }
}
