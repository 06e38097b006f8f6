package fr.vigie.classification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.vigie.ServerTest;
import fr.vigie.TestServer;
import fr.vigie.web.Schemas;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class ClassifyApiTest extends ServerTest {

  final Schemas schemas = new Schemas();

  @Test
  void distress_is_critical_and_neutral_is_none_in_request_order() {
    HttpResponse<String> r = server.postJson("/api/v1/classify", """
        {"items":[{"id":"a","text":"je n'ai plus de tunes... je vais me suicider","platform":"x"},
                  {"id":"b","text":"Merci pour la livraison rapide, colis reçu en parfait état 👍"}]}""");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = TestServer.json(r);
    assertThat(schemas.violations("classify-response", body)).isEmpty();
    assertThat(body.at("/results/0/id").asText()).isEqualTo("a");
    assertThat(body.at("/results/0/risk").asText()).isEqualTo("critical");
    assertThat(body.at("/results/0/labels/0/label").asText()).isEqualTo("distress");
    JsonNode evidence = body.at("/results/0/labels/0/evidence/0");
    String text = "je n'ai plus de tunes... je vais me suicider";
    assertThat(text.substring(evidence.get("start").asInt(), evidence.get("end").asInt()))
        .isEqualTo(evidence.get("text").asText());
    assertThat(body.at("/results/1/risk").asText()).isEqualTo("none");
  }

  @Test
  void hostile_texts_get_results_whose_spans_are_real() {
    ArrayNode items = TestServer.JSON.createArrayNode();
    String[] texts = {"", "a".repeat(100_000), "\uD800 seul \uDC00", "\u202Eje vais me suicider\u202C",
        "su\u200Bicide\u200B", "<b>je vais me suicider</b><script>x()</script>"};
    for (int i = 0; i < texts.length; i++) {
      items.addObject().put("id", "t" + i).put("text", texts[i]);
    }
    ObjectNode body = TestServer.JSON.createObjectNode();
    body.set("items", items);
    HttpResponse<String> r = server.postJson("/api/v1/classify", body.toString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode results = TestServer.json(r).get("results");
    assertThat(schemas.violations("classify-response", TestServer.json(r))).isEmpty();
    assertThat(results).hasSize(texts.length);
    assertThat(results.get(3).get("risk").asText()).isEqualTo("critical");
    assertThat(results.get(5).get("risk").asText()).isEqualTo("critical");
  }

  @Test
  void a_text_over_100000_characters_is_400_naming_the_limit() {
    String body = "{\"items\":[{\"id\":\"1\",\"text\":\"" + "a".repeat(100_001) + "\"}]}";
    HttpResponse<String> r = server.postJson("/api/v1/classify", body);
    assertError(r, 400, "schema_violation");
    assertThat(TestServer.json(r).get("message").asText()).contains("100").contains("text");
  }

  @Test
  void malformed_json_is_400_with_position() {
    HttpResponse<String> r = server.postJson("/api/v1/classify", "{\"items\": [");
    assertError(r, 400, "invalid_json");
    assertThat(TestServer.json(r).get("message").asText()).contains("ligne 1");
  }

  @Test
  void duplicate_keys_are_refused() {
    assertError(server.postJson("/api/v1/classify", "{\"items\":[],\"items\":[{\"id\":\"1\",\"text\":\"x\"}]}"),
        400, "invalid_json");
  }

  @Test
  void wrong_content_type_is_415() {
    HttpResponse<String> r = server.send(server.request("/api/v1/classify").header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString("{\"items\":[{\"id\":\"1\",\"text\":\"x\"}]}")).build());
    assertError(r, 415, "unsupported_media_type");
    assertThat(TestServer.json(r).get("message").asText()).contains("text/plain");
  }

  @Test
  void empty_batch_breaks_the_schema() {
    HttpResponse<String> r = server.postJson("/api/v1/classify", "{\"items\":[]}");
    assertError(r, 400, "schema_violation");
    assertThat(TestServer.json(r).get("details").toString()).contains("items");
  }

  @Test
  void more_than_100_items_is_400() {
    ArrayNode items = TestServer.JSON.createArrayNode();
    for (int i = 0; i < 101; i++) {
      items.addObject().put("id", "i" + i).put("text", "bonjour");
    }
    ObjectNode body = TestServer.JSON.createObjectNode();
    body.set("items", items);
    HttpResponse<String> r = server.postJson("/api/v1/classify", body.toString());
    assertError(r, 400, "schema_violation");
    assertThat(TestServer.json(r).get("message").asText()).contains("100");
  }

  @Test
  void missing_text_is_named() {
    HttpResponse<String> r = server.postJson("/api/v1/classify", "{\"items\":[{\"id\":\"1\"}]}");
    assertError(r, 400, "schema_violation");
    assertThat(TestServer.json(r).get("message").asText()).contains("text");
  }

  @Test
  void oversized_body_is_413() {
    String big = "{\"items\":[{\"id\":\"1\",\"text\":\"" + "a".repeat(17 * 1024 * 1024) + "\"}]}";
    assertError(server.postJson("/api/v1/classify", big), 413, "payload_too_large");
  }

  @Test
  void empty_body_is_400() {
    assertError(server.postJson("/api/v1/classify", ""), 400, "empty_body");
  }

  @Test
  void no_token_is_401_before_the_body_is_read() {
    HttpResponse<String> r = server.send(HttpRequest.newBuilder(server.uri("/api/v1/classify"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{")).build());
    assertError(r, 401, "unauthorized");
  }

  private void assertError(HttpResponse<String> r, int status, String code) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    JsonNode body = TestServer.json(r);
    assertThat(schemas.violations("error", body)).as(r.body()).isEmpty();
    assertThat(body.get("code").asText()).isEqualTo(code);
  }
}
