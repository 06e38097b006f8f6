package fr.vigie.canary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.ServerTest;
import fr.vigie.TestServer;
import fr.vigie.web.Schemas;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AdapterHealthApiTest extends ServerTest {

  String example(String name) throws Exception {
    return Files.readString(Path.of("..", "shared-schemas", "examples", name));
  }

  @Test
  void a_report_is_recorded_and_summarized_by_adapter_and_problem() throws Exception {
    assertThat(server.postJson("/api/v1/adapter-health", example("valid/adapter-health.no-posts.json")).statusCode()).isEqualTo(204);
    assertThat(server.postJson("/api/v1/adapter-health", example("valid/adapter-health.no-posts.json")).statusCode()).isEqualTo(204);
    assertThat(server.postJson("/api/v1/adapter-health", example("valid/adapter-health.empty-author.json")).statusCode()).isEqualTo(204);
    JsonNode items = TestServer.json(server.get("/api/v1/adapter-health")).get("items");
    assertThat(items).hasSize(2);
    JsonNode facebook = items.findParents("adapter").stream().filter(n -> n.get("adapter").asText().equals("facebook")).findFirst().orElseThrow();
    assertThat(facebook.get("reports").asInt()).isEqualTo(2);
    assertThat(facebook.get("pages").asInt()).isEqualTo(1);
    assertThat(facebook.get("problem").asText()).isEqualTo("no_posts");
  }

  @Test
  void a_report_breaking_the_schema_is_400_and_not_recorded() throws Exception {
    HttpResponse<String> r = server.postJson("/api/v1/adapter-health", example("invalid/adapter-health.unknown-problem.json"));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(new Schemas().violations("error", TestServer.json(r))).isEmpty();
    assertThat(TestServer.json(server.get("/api/v1/adapter-health")).get("items")).isEmpty();
  }

  @Test
  void without_token_it_is_401() throws Exception {
    HttpResponse<String> r = server.send(HttpRequest.newBuilder(server.uri("/api/v1/adapter-health"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(example("valid/adapter-health.no-posts.json"))).build());
    assertThat(r.statusCode()).isEqualTo(401);
  }

  @Test
  void the_web_view_lists_reports_for_supervisors() throws Exception {
    server.postJson("/api/v1/adapter-health", example("valid/adapter-health.empty-author.json"));
    HttpResponse<String> login = server.send(HttpRequest.newBuilder(server.uri("/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("login=admin&password="
            + URLEncoder.encode(TestServer.ADMIN_PASSWORD, StandardCharsets.UTF_8) + "&next=/adapters")).build());
    String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    HttpResponse<String> page = server.send(HttpRequest.newBuilder(server.uri("/adapters")).header("Cookie", cookie).GET().build());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("data-adapter=\"phpbb\"").contains("messages sans auteur")
        .contains("dl.postprofile dt a.username");
  }
}
