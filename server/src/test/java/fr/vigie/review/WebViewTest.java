package fr.vigie.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.Bundle;
import fr.vigie.Fixtures;
import fr.vigie.Store;
import fr.vigie.Multipart;
import fr.vigie.ServerTest;
import fr.vigie.TestServer;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class WebViewTest extends ServerTest {

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
  void the_capture_page_lists_what_cms_did_with_the_suggested_response() {
    byte[] png = Fixtures.png(200, 80);
    String id = store(Fixtures.metadataFor(png), png);
    assertThat(page("/captures/" + id, signIn()).body()).contains("Aucune réponse utilisée depuis cette capture.");
    String body = "{\"captureId\":\"" + id + "\",\"platform\":\"x\",\"postId\":\"1\",\"action\":\"opened\","
        + "\"finalText\":\"Bonjour <b>Léa</b>, nous sommes là.\"}";
    assertThat(server.postJson("/api/v1/interventions", body).statusCode()).isEqualTo(201);
    String html = page("/captures/" + id, signIn()).body();
    assertThat(html).contains("a ouvert sur la plateforme").contains("Bonjour &lt;b&gt;Léa&lt;/b&gt;, nous sommes là.")
        .contains("data-action=\"opened\"");
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

  String storeBundle(Bundle bundle) {
    HttpResponse<String> r = server.upload(UUID.randomUUID().toString(), bundle.multipart());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return TestServer.json(r).get("id").asText();
  }

  static String csrf(HttpResponse<String> page) {
    Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]{64})\"").matcher(page.body());
    assertThat(csrf.find()).isTrue();
    return csrf.group(1);
  }

  @Test
  void detail_shows_every_file_the_chain_the_timestamp_and_the_environment() {
    Bundle bundle = Bundle.full();
    String id = storeBundle(bundle);
    JsonNode capture = TestServer.json(server.get("/api/v1/captures/" + id));
    HttpResponse<String> r = page("/captures/" + id, signIn());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("id=\"automatic\"")
        .contains("data-role=\"viewport\"").contains("data-role=\"html\"").contains("data-role=\"mhtml\"")
        .contains("data-role=\"manifest\"")
        .contains("src=\"/captures/" + id + "/files/viewport\"")
        .contains("href=\"/captures/" + id + "/files/html\" download").contains("href=\"/captures/" + id + "/files/mhtml\" download")
        .contains(capture.get("manifestSha256").asText()).contains("capture n° 1 de la chaîne").contains("aucun (première capture)")
        .contains("data-status=\"none\"").contains("127.0.0.1")
        .contains("id=\"proxy\">direct<").contains("https://x.com/home").contains("Europe/Paris").contains("Chromium 142.0.7444.175")
        .contains("action=\"/captures/" + id + "/verify\"").contains("href=\"/captures/" + id + "/export\"")
        .contains("Exporter la preuve (ZIP)").contains(">Vérifier<");
  }

  @Test
  void verify_button_shows_each_file_checked_and_names_the_altered_one() {
    Bundle bundle = Bundle.full();
    String id = storeBundle(bundle);
    String cookie = signIn();
    String token = csrf(page("/captures/" + id, cookie));
    HttpResponse<String> ok = form("/captures/" + id + "/verify", cookie, "csrf", token);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).contains("id=\"verification\" data-ok=\"true\"").contains("Preuve intacte")
        .contains("data-role=\"mhtml\" data-ok=\"true\"");

    String viewportSha = TestServer.json(server.get("/api/v1/captures/" + id)).at("/files/1/sha256").asText();
    Store.flipOneByte(data, viewportSha);
    HttpResponse<String> broken = form("/captures/" + id + "/verify", cookie, "csrf", token);
    assertThat(broken.body()).contains("data-ok=\"false\"").contains("Preuve altérée")
        .contains("data-role=\"viewport\" data-ok=\"false\"").contains("Le fichier viewport a été modifié");
  }

  @Test
  void verify_without_the_form_token_is_refused() {
    String id = storeBundle(Bundle.minimal());
    HttpResponse<String> r = form("/captures/" + id + "/verify", signIn(), "csrf", "0".repeat(64));
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).doesNotContain("id=\"verification\"").contains("rechargez la page");
  }

  @Test
  void export_and_files_are_served_to_the_session_and_html_only_as_a_download() {
    Bundle bundle = Bundle.full();
    String id = storeBundle(bundle);
    String cookie = signIn();
    HttpResponse<byte[]> zip = server.sendForBytes(HttpRequest.newBuilder(server.uri("/captures/" + id + "/export"))
        .header("Cookie", cookie).GET().build());
    assertThat(zip.statusCode()).isEqualTo(200);
    assertThat(zip.headers().firstValue("Content-Type")).hasValue("application/zip");
    assertThat(new String(zip.body(), 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
    HttpResponse<byte[]> html = server.sendForBytes(HttpRequest.newBuilder(server.uri("/captures/" + id + "/files/html"))
        .header("Cookie", cookie).GET().build());
    assertThat(html.body()).isEqualTo(bundle.part("html"));
    assertThat(html.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
    assertThat(page("/captures/" + id + "/export", null).statusCode()).as("no session, no export").isEqualTo(302);
  }

  @Test
  void list_marks_automatic_and_deleted_captures() {
    String id = storeBundle(Bundle.full());
    server.postJson("/api/v1/captures/" + id + "/deleted",
        "{\"seenAt\":\"2025-11-21T09:00:00Z\",\"how\":\"unavailable_page\",\"pageUrl\":\"https://x.com/lucie_m/status/1\"}");
    String cookie = signIn();
    HttpResponse<String> list = page("/captures", cookie);
    assertThat(list.body()).contains(">automatique<").contains("supprimé (vu le 21 nov. 2025 à 10:00:00 (09:00:00 UTC))");
    HttpResponse<String> detail = page("/captures/" + id, cookie);
    assertThat(detail.body()).contains("Publication supprimée").contains("page « indisponible »");
  }

  @Test
  void environment_facts_from_the_page_stay_text() {
    Bundle bundle = Bundle.full();
    ((ObjectNode) bundle.metadata().get("environment")).put("proxy", "<script>alert(1)</script>");
    String id = storeBundle(bundle);
    HttpResponse<String> r = page("/captures/" + id, signIn());
    assertThat(r.body()).doesNotContain("<script>alert(1)").contains("&lt;script&gt;alert(1)");
  }

  @Test
  void stylesheet_is_served() {
    assertThat(page("/public/vigie.css", null).statusCode()).isEqualTo(200);
  }
}
