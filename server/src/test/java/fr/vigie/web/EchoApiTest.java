package fr.vigie.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.ServerTest;
import fr.vigie.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** POST /api/v1/echo, the benchmark baseline: same auth and input checks as classify, items echoed back. */
class EchoApiTest extends ServerTest {

  final Schemas schemas = new Schemas();

  @Test
  void echoes_each_item_id_and_text_in_order() {
    HttpResponse<String> r = server.postJson("/api/v1/echo", """
        {"items":[{"id":"a","text":"Bonjour, ma commande n'est pas arrivée 😡 https://ex.invalid/c/42","lang":"fr","platform":"x"},
                  {"id":"b","text":""}]}""");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    JsonNode body = TestServer.json(r);
    assertThat(body.get("results")).hasSize(2);
    assertThat(body.at("/results/0/id").asText()).isEqualTo("a");
    assertThat(body.at("/results/0/text").asText()).isEqualTo("Bonjour, ma commande n'est pas arrivée 😡 https://ex.invalid/c/42");
    assertThat(body.at("/results/1/id").asText()).isEqualTo("b");
    assertThat(body.at("/results/1/text").asText()).isEmpty();
  }

  @Test
  void needs_a_token_like_the_rest_of_the_api() {
    HttpResponse<String> r = server.send(HttpRequest.newBuilder(server.uri("/api/v1/echo"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"items\":[{\"id\":\"1\",\"text\":\"x\"}]}")).build());
    assertError(r, 401, "unauthorized");
  }

  @Test
  void checks_the_body_like_classify() {
    assertError(server.postJson("/api/v1/echo", "{\"items\": ["), 400, "invalid_json");
    assertError(server.postJson("/api/v1/echo", "{\"items\":[]}"), 400, "schema_violation");
    assertError(server.postJson("/api/v1/echo", "{\"items\":[{\"id\":\"1\",\"text\":\"x\",\"extra\":1}]}"),
        400, "schema_violation");
    HttpResponse<String> r = server.send(server.request("/api/v1/echo").header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString("{\"items\":[{\"id\":\"1\",\"text\":\"x\"}]}")).build());
    assertError(r, 415, "unsupported_media_type");
  }

  private void assertError(HttpResponse<String> r, int status, String code) {
    assertThat(r.statusCode()).isEqualTo(status);
    JsonNode body = TestServer.json(r);
    assertThat(schemas.violations("error", body)).as(r.body()).isEmpty();
    assertThat(body.get("code").asText()).isEqualTo(code);
  }
}
