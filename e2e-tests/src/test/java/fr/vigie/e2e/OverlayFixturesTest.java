package fr.vigie.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every saved page of every site and forum engine, served at its real address: each post the adapter's expected file
 * lists gets a badge, and the risk on the page is the one the server gives that post's text.
 */
class OverlayFixturesTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static VigieServer server;
  static ExtensionBrowser browser;

  @BeforeAll
  static void start() {
    server = new VigieServer();
    browser = new ExtensionBrowser();
    browser.configure(server.url(), VigieServer.ADMIN_TOKEN).close();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
  }

  static Stream<Path> fixtures() throws IOException {
    try (Stream<Path> files = Files.walk(ExtensionBrowser.FIXTURES)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".expected.json")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void every_post_gets_its_badge_and_the_server_s_risk(Path expectedFile) throws Exception {
    JsonNode expected = JSON.readTree(expectedFile.toFile());
    Path html = expectedFile.resolveSibling(expectedFile.getFileName().toString().replace(".expected.json", ".html"));
    String url = expected.get("url").asText();
    String origin = URI.create(url).getScheme() + "://" + URI.create(url).getHost();
    Page page = browser.context().newPage();
    page.route(origin + "/**", route -> serve(route, html));
    try {
      page.navigate(url);
      JsonNode posts = expected.get("posts");
      assertThat(posts.size()).isPositive();
      JsonNode risks = serverRisks(posts);
      for (int i = 0; i < posts.size(); i++) {
        String id = posts.get(i).get("id").asText();
        Locator post = page.locator("[data-vigie-post-id='" + id.replace("'", "\\'") + "'][data-vigie-risk]");
        post.first().waitFor(new Locator.WaitForOptions().setTimeout(15_000));
        assertThat(post.first().getAttribute("data-vigie-risk")).as("risk of post %s in %s", id, expectedFile.getFileName())
            .isEqualTo(risks.get(i).get("risk").asText());
        assertThat(post.first().locator("vigie-badge").count()).as("badges on post %s", id).isGreaterThanOrEqualTo(1);
      }
      assertThat(page.locator("[data-vigie-post-id]").count()).as("posts badged").isGreaterThanOrEqualTo(posts.size());
    } finally {
      page.close();
    }
  }

  private static void serve(Route route, Path html) {
    try {
      if (route.request().resourceType().equals("document")) {
        route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("text/html; charset=utf-8")
            .setBodyBytes(Files.readAllBytes(html)));
      } else {
        route.fulfill(new Route.FulfillOptions().setStatus(404).setBody(""));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the server says of each expected post's text, the way the extension asks. */
  private static JsonNode serverRisks(JsonNode posts) throws Exception {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode items = body.putArray("items");
    for (JsonNode p : posts) {
      ObjectNode item = items.addObject().put("id", p.get("id").asText()).put("text", p.get("text").asText());
      if (p.hasNonNull("lang")) {
        item.put("lang", p.get("lang").asText());
      }
    }
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/classify"))
        .header("Authorization", "Bearer " + VigieServer.ADMIN_TOKEN).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body()).get("results");
  }
}
