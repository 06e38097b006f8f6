package fr.vigie.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.Bundle;
import fr.vigie.Store;
import fr.vigie.ServerTest;
import fr.vigie.TestServer;
import fr.vigie.account.Role;
import fr.vigie.account.Secrets;
import fr.vigie.web.Schemas;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /api/v1/captures/{id}/verify and GET /api/v1/captures/verify against real files on disk and a real database. */
class VerifyTest extends ServerTest {

  final Schemas schemas = new Schemas();

  JsonNode store(Bundle bundle) {
    HttpResponse<String> r = server.upload(UUID.randomUUID().toString(), bundle.multipart());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return TestServer.json(r);
  }

  JsonNode verify(String id) {
    HttpResponse<String> r = server.get("/api/v1/captures/" + id + "/verify");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode body = TestServer.json(r);
    assertThat(schemas.violations("capture-verify", body)).as(r.body()).isEmpty();
    return body;
  }

  JsonNode chain() {
    HttpResponse<String> r = server.get("/api/v1/captures/verify");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode body = TestServer.json(r);
    assertThat(schemas.violations("chain-verify", body)).as(r.body()).isEmpty();
    return body;
  }

  @Test
  void fresh_capture_verifies_file_by_file() {
    JsonNode capture = store(Bundle.full());
    JsonNode v = verify(capture.get("id").asText());
    assertThat(v.get("ok").asBoolean()).as(v.toString()).isTrue();
    assertThat(v.get("files").findValuesAsText("role")).containsExactly("screenshot", "viewport", "html", "mhtml", "manifest");
    v.get("files").forEach(f -> assertThat(f.get("actualSha256")).isEqualTo(f.get("sha256")));
    assertThat(v.at("/manifest/actual")).isEqualTo(capture.get("manifestSha256"));
    assertThat(v.at("/previous/sequence").asInt()).isZero();
    assertThat(v.at("/timestamp/status").asText()).isEqualTo("absent");
  }

  @Test
  void manifest_file_is_the_canonical_bytes_whose_hash_is_the_manifest_hash() throws Exception {
    JsonNode capture = store(Bundle.full());
    String id = capture.get("id").asText();
    byte[] manifest = server.sendForBytes(server.request("/api/v1/captures/" + id + "/files/manifest").GET().build()).body();
    assertThat(Secrets.sha256Hex(manifest)).isEqualTo(capture.get("manifestSha256").asText());
    JsonNode parsed = TestServer.JSON.readTree(manifest);
    assertThat(CanonicalJson.bytes(parsed)).as("already canonical").isEqualTo(manifest);
    assertThat(parsed.get("version").asInt()).isEqualTo(1);
    assertThat(parsed.get("id").asText()).isEqualTo(id);
    assertThat(parsed.get("metadata")).isEqualTo(capture.get("metadata"));
    assertThat(parsed.at("/capturedBy/login").asText()).isEqualTo("admin");
    assertThat(parsed.get("receivedFrom").asText()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1", "[0:0:0:0:0:0:0:1]");
    assertThat(parsed.at("/files/mhtml/sha256").asText()).isEqualTo(capture.at("/files/3/sha256").asText());
    assertThat(parsed.has("deletedSeenAt")).isFalse();
    assertThat(parsed.get("files").has("manifest")).isFalse();
  }

  @Test
  void one_flipped_byte_on_disk_fails_verify_and_names_the_file() {
    JsonNode capture = store(Bundle.full());
    String id = capture.get("id").asText();
    Store.flipOneByte(data, capture.at("/files/3/sha256").asText());
    JsonNode v = verify(id);
    assertThat(v.get("ok").asBoolean()).isFalse();
    JsonNode mhtml = v.get("files").get(3);
    assertThat(mhtml.get("role").asText()).isEqualTo("mhtml");
    assertThat(mhtml.get("ok").asBoolean()).isFalse();
    assertThat(mhtml.get("actualSha256").asText()).isNotEqualTo(mhtml.get("sha256").asText());
    assertThat(mhtml.get("problem").asText()).contains("mhtml").contains("modifié");
    assertThat(v.get("files").findValues("ok").stream().filter(JsonNode::asBoolean).count()).isEqualTo(4);
    assertThat(v.at("/manifest/ok").asBoolean()).as("the database still matches the manifest").isTrue();
  }

  @Test
  void deleted_file_fails_verify_as_missing() throws Exception {
    JsonNode capture = store(Bundle.full());
    java.nio.file.Files.delete(Store.file(data, capture.at("/files/0/sha256").asText()));
    JsonNode screenshot = verify(capture.get("id").asText()).get("files").get(0);
    assertThat(screenshot.get("actualSha256").isNull()).isTrue();
    assertThat(screenshot.get("problem").asText()).contains("screenshot").contains("introuvable");
  }

  @Test
  void metadata_edited_in_the_database_fails_the_rebuilt_manifest_and_says_which_field() {
    String id = store(Bundle.full()).get("id").asText();
    Store.execute(data, "UPDATE capture SET metadata_json = replace(metadata_json, 'suicider', 'reposer') WHERE id = '" + id + "'");
    JsonNode v = verify(id);
    assertThat(v.get("ok").asBoolean()).isFalse();
    assertThat(v.at("/manifest/ok").asBoolean()).isFalse();
    assertThat(v.at("/manifest/actual").asText()).isNotEqualTo(v.at("/manifest/expected").asText());
    assertThat(v.at("/manifest/problem").asText()).contains("metadata.text");
  }

  @Test
  void chain_of_five_with_the_third_tampered_names_the_third() {
    List<JsonNode> captures = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      captures.add(store(Bundle.minimal().post("post-" + i)));
    }
    for (int i = 1; i < 5; i++) {
      assertThat(captures.get(i).get("sequence").asInt()).isEqualTo(i + 1);
      assertThat(captures.get(i).get("previousManifestSha256")).isEqualTo(captures.get(i - 1).get("manifestSha256"));
    }
    JsonNode intact = chain();
    assertThat(intact.get("ok").asBoolean()).isTrue();
    assertThat(intact.get("checked").asInt()).isEqualTo(5);
    assertThat(intact.get("headManifestSha256")).isEqualTo(captures.get(4).get("manifestSha256"));

    JsonNode third = captures.get(2);
    Store.flipOneByte(data, third.at("/screenshot/sha256").asText());
    JsonNode broken = chain();
    assertThat(broken.get("ok").asBoolean()).isFalse();
    assertThat(broken.get("checked").asInt()).isEqualTo(5);
    assertThat(broken.at("/firstBroken/captureId").asText()).isEqualTo(third.get("id").asText());
    assertThat(broken.at("/firstBroken/sequence").asInt()).isEqualTo(3);
    assertThat(broken.at("/firstBroken/problem").asText()).contains("screenshot");
  }

  @Test
  void rewritten_link_breaks_the_chain_at_that_capture() {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      ids.add(store(Bundle.minimal().post("p" + i)).get("id").asText());
    }
    Store.execute(data, "UPDATE capture SET previous_manifest_sha256 = '" + "ab".repeat(32) + "' WHERE sequence = 3");
    JsonNode broken = chain();
    assertThat(broken.at("/firstBroken/sequence").asInt()).isEqualTo(3);
    JsonNode v = verify(ids.get(2));
    assertThat(v.at("/previous/ok").asBoolean()).isFalse();
    assertThat(v.at("/previous/problem").asText()).contains("capture n° 2");
  }

  @Test
  void removed_capture_shows_as_a_gap_in_the_chain() {
    for (int i = 1; i <= 3; i++) {
      store(Bundle.minimal().post("gap" + i));
    }
    Store.execute(data, "DELETE FROM capture_file WHERE capture_id = (SELECT id FROM capture WHERE sequence = 2)");
    Store.execute(data, "DELETE FROM capture WHERE sequence = 2");
    JsonNode broken = chain();
    assertThat(broken.get("ok").asBoolean()).isFalse();
    assertThat(broken.at("/firstBroken/sequence").asInt()).isEqualTo(3);
    assertThat(broken.at("/firstBroken/problem").asText()).contains("n° 2");
  }

  @Test
  void a_cm_may_not_walk_the_chain_but_verifies_own_captures() {
    String cm = server.tokenFor("marie", Role.CM);
    HttpResponse<String> walk = server.send(HttpRequest.newBuilder(server.uri("/api/v1/captures/verify"))
        .header("Authorization", "Bearer " + cm).GET().build());
    assertThat(walk.statusCode()).isEqualTo(403);
    assertThat(TestServer.json(walk).get("code").asText()).isEqualTo("forbidden");

    String adminsCapture = store(Bundle.minimal()).get("id").asText();
    HttpResponse<String> other = server.send(HttpRequest.newBuilder(server.uri("/api/v1/captures/" + adminsCapture + "/verify"))
        .header("Authorization", "Bearer " + cm).GET().build());
    assertThat(other.statusCode()).as("another account's capture does not exist for a CM").isEqualTo(404);
  }

  @Test
  void everything_still_verifies_after_a_restart() {
    store(Bundle.full());
    store(Bundle.minimal());
    server.close();
    server = new TestServer(data);
    JsonNode third = store(Bundle.minimal().post("after-restart"));
    assertThat(third.get("sequence").asInt()).isEqualTo(3);
    JsonNode walk = chain();
    assertThat(walk.get("ok").asBoolean()).as(walk.toString()).isTrue();
    assertThat(walk.get("checked").asInt()).isEqualTo(3);
  }

  @Test
  void empty_chain_is_intact() {
    JsonNode walk = chain();
    assertThat(walk.get("ok").asBoolean()).isTrue();
    assertThat(walk.get("checked").asInt()).isZero();
    assertThat(walk.get("headManifestSha256").isNull()).isTrue();
    assertThat(walk.get("firstBroken").isNull()).isTrue();
  }
}
