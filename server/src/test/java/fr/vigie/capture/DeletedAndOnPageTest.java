package fr.vigie.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.Bundle;
import fr.vigie.Store;
import fr.vigie.ServerTest;
import fr.vigie.TestServer;
import fr.vigie.account.Role;
import fr.vigie.web.Schemas;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** POST /api/v1/captures/{id}/deleted and GET /api/v1/captures/on-page, the extension's deleted-post check. */
class DeletedAndOnPageTest extends ServerTest {

  final Schemas schemas = new Schemas();

  JsonNode store(Bundle bundle) {
    HttpResponse<String> r = server.upload(UUID.randomUUID().toString(), bundle.multipart());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return TestServer.json(r);
  }

  HttpResponse<String> sighting(String id, String body) {
    return server.postJson("/api/v1/captures/" + id + "/deleted", body);
  }

  static String body(String seenAt, String how) {
    return "{\"seenAt\":\"" + seenAt + "\",\"how\":\"" + how + "\",\"pageUrl\":\"https://x.com/lucie_m/status/1790000000000000001\"}";
  }

  JsonNode onPage(String url) {
    HttpResponse<String> r = server.get("/api/v1/captures/on-page?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode body = TestServer.json(r);
    assertThat(schemas.violations("captures-on-page", body)).as(r.body()).isEmpty();
    return body.get("items");
  }

  @Test
  void sighting_is_recorded_and_the_earliest_one_is_kept() {
    JsonNode capture = store(Bundle.full());
    String id = capture.get("id").asText();
    HttpResponse<String> first = sighting(id, body("2025-11-21T09:00:00Z", "unavailable_page"));
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(schemas.violations("capture", TestServer.json(first))).isEmpty();
    assertThat(TestServer.json(first).get("deletedSeenAt").asText()).isEqualTo("2025-11-21T09:00:00Z");

    sighting(id, body("2025-11-22T09:00:00Z", "missing_from_thread"));
    sighting(id, body("2025-11-21T09:00:00Z", "unavailable_page"));
    assertThat(Instant.parse(TestServer.json(server.get("/api/v1/captures/" + id)).get("deletedSeenAt").asText()))
        .isEqualTo(Instant.parse("2025-11-21T09:00:00Z"));
    sighting(id, body("2025-11-21T08:00:00Z", "missing_from_thread"));
    assertThat(Instant.parse(TestServer.json(server.get("/api/v1/captures/" + id)).get("deletedSeenAt").asText()))
        .isEqualTo(Instant.parse("2025-11-21T08:00:00Z"));
    assertThat(Store.count(data, "SELECT count(*) FROM capture WHERE deleted_how = 'missing_from_thread'")).isEqualTo(1);

    JsonNode after = TestServer.json(server.get("/api/v1/captures/" + id));
    assertThat(after.get("manifestSha256")).as("a sighting is not part of the manifest").isEqualTo(capture.get("manifestSha256"));
    assertThat(TestServer.json(server.get("/api/v1/captures/" + id + "/verify")).get("ok").asBoolean()).isTrue();
  }

  @Test
  void bad_sightings_are_refused_by_name_and_change_nothing() {
    String id = store(Bundle.minimal()).get("id").asText();
    assertRefused(sighting(id, body("2025-11-21T10:00:00+01:00", "unavailable_page")), 400, "schema_violation");
    assertRefused(sighting(id, body("2025-11-21T09:00:00Z", "removed_by_mods")), 400, "schema_violation");
    assertRefused(sighting(id, "{\"seenAt\":\"2025-11-21T09:00:00Z\",\"how\":\"unavailable_page\"}"), 400, "schema_violation");
    assertRefused(sighting(id, "{not json"), 400, "invalid_json");
    assertRefused(sighting(id, body(Instant.now().plusSeconds(86_400).toString(), "unavailable_page")), 400, "seen_in_future");
    assertRefused(server.send(server.request("/api/v1/captures/" + id + "/deleted").header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString(body("2025-11-21T09:00:00Z", "unavailable_page"))).build()), 415,
        "unsupported_media_type");
    assertThat(Store.count(data, "SELECT count(*) FROM capture WHERE deleted_seen_at IS NOT NULL")).isZero();
    assertThat(sighting("01NOSUCHCAPTURE00000000000", body("2025-11-21T09:00:00Z", "unavailable_page")).statusCode())
        .isEqualTo(404);
  }

  @Test
  void on_page_matches_page_or_permalink_ignoring_query_and_fragment_and_gives_the_newest_capture_per_post() {
    JsonNode older = store(Bundle.minimal());
    JsonNode newer = store(Bundle.minimal());
    Bundle reply = Bundle.minimal().post("1790000000000000002");
    reply.metadata().put("permalink", "https://x.com/lea_m/status/1790000000000000002");
    JsonNode otherPost = store(reply);
    Bundle elsewhere = Bundle.minimal().post("77");
    elsewhere.metadata().put("pageUrl", "https://x.com/search?q=vigie").put("permalink", "https://x.com/bob/status/77");
    store(elsewhere);

    JsonNode onPermalink = onPage("https://x.com/lucie_m/status/1790000000000000001?s=20&t=abc#reply");
    assertThat(onPermalink).hasSize(1);
    assertThat(onPermalink.get(0).get("captureId")).isEqualTo(newer.get("id"));
    assertThat(onPermalink.get(0).get("captureId")).isNotEqualTo(older.get("id"));

    JsonNode onHome = onPage("https://X.com/home?ref=nav");
    assertThat(onHome.findValuesAsText("captureId")).containsExactly(otherPost.get("id").asText(), newer.get("id").asText());
    assertThat(onHome.get(0).get("deletedSeenAt").isNull()).isTrue();

    assertThat(onPage("https://x.com/somewhere-else")).isEmpty();
  }

  @Test
  void on_page_shows_the_deleted_sighting_and_only_a_cms_own_captures() {
    String id = store(Bundle.minimal()).get("id").asText();
    sighting(id, body("2025-11-21T09:00:00Z", "missing_from_thread"));
    assertThat(onPage("https://x.com/home").get(0).get("deletedSeenAt").asText()).isEqualTo("2025-11-21T09:00:00Z");

    String cm = server.tokenFor("marie", Role.CM);
    HttpResponse<String> r = server.send(HttpRequest.newBuilder(server.uri("/api/v1/captures/on-page?url=https%3A%2F%2Fx.com%2Fhome"))
        .header("Authorization", "Bearer " + cm).GET().build());
    assertThat(TestServer.json(r).get("items")).isEmpty();
  }

  @Test
  void on_page_without_a_usable_url_is_400() {
    assertThat(server.get("/api/v1/captures/on-page").statusCode()).isEqualTo(400);
    HttpResponse<String> r = server.get("/api/v1/captures/on-page?url=javascript%3Aalert(1)");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(TestServer.json(r).get("message").asText()).contains("url");
  }

  private void assertRefused(HttpResponse<String> r, int status, String code) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    JsonNode body = TestServer.json(r);
    assertThat(schemas.violations("error", body)).isEmpty();
    assertThat(body.get("code").asText()).isEqualTo(code);
  }
}
