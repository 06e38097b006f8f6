package fr.vigie.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.vigie.Fixtures;
import fr.vigie.Multipart;
import fr.vigie.TestServer;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebViewTest {

  @TempDir Path data;
  TestServer server;

  @BeforeEach
  void start() {
    server = new TestServer(data);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  HttpResponse<String> page(String path, String cookie) {
    HttpRequest.Builder b = HttpRequest.newBuilder(server.uri(path)).GET();
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    return server.send(b.build());
  }

  HttpResponse<String> form(String path, String cookie, String... pairs) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      body.append(i == 0 ? "" : "&").append(pairs[i]).append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    HttpRequest.Builder b = HttpRequest.newBuilder(server.uri(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    return server.send(b.build());
  }

  String signIn() {
    HttpResponse<String> r = form("/login", null, "login", "admin", "password", TestServer.ADMIN_PASSWORD, "next", "/captures");
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location")).hasValue("/captures");
    String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict");
    return setCookie.substring(0, setCookie.indexOf(';'));
  }

  String store(ObjectNode metadata, byte[] png) {
    Multipart parts = new Multipart().file("metadata", "blob", "application/json", metadata.toString().getBytes())
        .file("screenshot", "screenshot.png", "image/png", png);
    HttpResponse<String> r = server.send(server.request("/api/v1/captures").header("Content-Type", parts.contentType())
        .header("Idempotency-Key", UUID.randomUUID().toString()).POST(parts.publisher()).build());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return TestServer.json(r).get("id").asText();
  }

  @Test
  void pages_need_a_session_and_send_back_after_sign_in() {
    HttpResponse<String> r = page("/captures", null);
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location")).hasValue("/login?next=%2Fcaptures");
  }

  @Test
  void wrong_password_shows_a_french_error() {
    HttpResponse<String> r = form("/login", null, "login", "admin", "password", "nope", "next", "/captures");
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).contains("Identifiant ou mot de passe incorrect.");
    assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
  }

  @Test
  void sign_in_never_redirects_to_another_site() {
    HttpResponse<String> r = form("/login", null, "login", "admin", "password", TestServer.ADMIN_PASSWORD,
        "next", "//evil.example/");
    assertThat(r.headers().firstValue("Location")).hasValue("/captures");
  }

  @Test
  void empty_queue_says_what_to_do() {
    HttpResponse<String> r = page("/captures", signIn());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("Aucune capture pour l'instant.").contains("/account");
  }

  @Test
  void captures_are_listed_newest_first_and_page_text_stays_text() {
    byte[] png = Fixtures.png(200, 80);
    ObjectNode older = Fixtures.metadataFor(png).put("postId", "1");
    String olderId = store(older, png);
    ObjectNode hostile = Fixtures.metadataFor(png).put("postId", "2").put("text", "<script>alert('x')</script> salut");
    ((ObjectNode) hostile.get("author")).put("name", "<img src=x onerror=alert(1)>");
    String newerId = store(hostile, png);

    HttpResponse<String> r = page("/captures", signIn());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body().indexOf(newerId)).isLessThan(r.body().indexOf(olderId));
    assertThat(r.body()).doesNotContain("<script>alert").doesNotContain("<img src=x")
        .contains("&lt;script&gt;alert").contains("Critique");
    assertThat(r.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'none'");
  }

  @Test
  void detail_shows_screenshot_hash_and_metadata() {
    byte[] png = Fixtures.png(200, 80);
    String id = store(Fixtures.metadataFor(png), png);
    String cookie = signIn();
    HttpResponse<String> r = page("/captures/" + id, cookie);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("Lucie M.").contains("@lucie_m")
        .contains("https://x.com/lucie_m/status/1790000000000000001")
        .contains(fr.vigie.account.Secrets.sha256Hex(png))
        .contains("je vais me suicider");
    HttpResponse<byte[]> shot = server.sendForBytes(HttpRequest.newBuilder(server.uri("/captures/" + id + "/screenshot"))
        .header("Cookie", cookie).GET().build());
    assertThat(shot.body()).isEqualTo(png);
  }

  @Test
  void token_created_in_the_web_view_works_on_the_api_and_needs_the_form_token() {
    String cookie = signIn();
    HttpResponse<String> account = page("/account", cookie);
    Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]{64})\"").matcher(account.body());
    assertThat(csrf.find()).isTrue();

    HttpResponse<String> forged = form("/account/tokens", cookie, "csrf", "0".repeat(64), "label", "x");
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).doesNotContain("id=\"new-token\"");

    HttpResponse<String> created = form("/account/tokens", cookie, "csrf", csrf.group(1), "label", "Chrome de Marie");
    Matcher token = Pattern.compile("id=\"new-token\" class=\"token\">([A-Za-z0-9_-]+)<").matcher(created.body());
    assertThat(token.find()).as(created.body()).isTrue();
    HttpResponse<String> me = server.send(HttpRequest.newBuilder(server.uri("/api/v1/me"))
        .header("Authorization", "Bearer " + token.group(1)).GET().build());
    assertThat(me.statusCode()).isEqualTo(200);
  }

  @Test
  void sign_out_ends_the_session() {
    String cookie = signIn();
    Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]{64})\"").matcher(page("/captures", cookie).body());
    assertThat(csrf.find()).isTrue();
    form("/logout", cookie, "csrf", csrf.group(1));
    assertThat(page("/captures", cookie).statusCode()).isEqualTo(302);
  }

  @Test
  void stylesheet_is_served() {
    assertThat(page("/public/vigie.css", null).statusCode()).isEqualTo(200);
  }
}
