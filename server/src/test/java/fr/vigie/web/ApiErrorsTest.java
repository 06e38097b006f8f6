package fr.vigie.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.ServerTest;
import fr.vigie.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class ApiErrorsTest extends ServerTest {

  final Schemas schemas = new Schemas();

  @Test
  void health_is_open_and_matches_its_schema() {
    HttpResponse<String> r = server.send(HttpRequest.newBuilder(server.uri("/api/v1/health")).GET().build());
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = TestServer.json(r);
    assertThat(schemas.violations("health", body)).isEmpty();
    assertThat(body.get("status").asText()).isEqualTo("ok");
    assertThat(body.get("database").asText()).isEqualTo("ok");
  }

  @Test
  void no_token_is_401_naming_the_missing_header() {
    HttpResponse<String> r = server.send(HttpRequest.newBuilder(server.uri("/api/v1/me")).GET().build());
    assertError(r, 401, "unauthorized");
    assertThat(TestServer.json(r).get("message").asText()).contains("Authorization");
  }

  @Test
  void wrong_token_is_401() {
    HttpResponse<String> r = server.send(HttpRequest.newBuilder(server.uri("/api/v1/me"))
        .header("Authorization", "Bearer not-a-real-token").GET().build());
    assertError(r, 401, "unauthorized");
    assertThat(TestServer.json(r).get("message").asText()).contains("Jeton");
  }

  @Test
  void authorization_without_bearer_scheme_is_401() {
    HttpResponse<String> r = server.send(HttpRequest.newBuilder(server.uri("/api/v1/me"))
        .header("Authorization", "Basic YWRtaW46YWRtaW4=").GET().build());
    assertError(r, 401, "unauthorized");
    assertThat(TestServer.json(r).get("message").asText()).contains("Bearer");
  }

  @Test
  void admin_token_from_environment_identifies_the_admin() {
    HttpResponse<String> r = server.get("/api/v1/me");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(TestServer.json(r).get("login").asText()).isEqualTo("admin");
    assertThat(TestServer.json(r).get("role").asText()).isEqualTo("admin");
  }

  @Test
  void unknown_api_path_is_a_json_404_naming_the_path() {
    HttpResponse<String> r = server.get("/api/v1/nothing-here");
    assertError(r, 404, "not_found");
    assertThat(TestServer.json(r).get("message").asText()).contains("/api/v1/nothing-here");
  }

  @Test
  void wrong_method_is_a_json_error_not_a_500() {
    HttpResponse<String> r = server.send(server.request("/api/v1/classify").DELETE().build());
    assertThat(r.statusCode()).isBetween(400, 499);
    assertThat(schemas.violations("error", TestServer.json(r))).isEmpty();
  }

  private void assertError(HttpResponse<String> r, int status, String code) {
    assertThat(r.statusCode()).isEqualTo(status);
    JsonNode body = TestServer.json(r);
    assertThat(schemas.violations("error", body)).as(r.body()).isEmpty();
    assertThat(body.get("code").asText()).isEqualTo(code);
  }
}
