package fr.vigie.review;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.ServerTest;
import fr.vigie.TestServer;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The response library in the web view: list, settings, template editor with preview and versions. */
class ResponsePagesTest extends ServerTest {

  String cookie;

  @BeforeEach
  void signIn() {
    HttpResponse<String> r = form("/login", null, "login", "admin", "password", TestServer.ADMIN_PASSWORD, "next", "/responses");
    String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    cookie = setCookie.substring(0, setCookie.indexOf(';'));
  }

  HttpResponse<String> page(String path) {
    return server.send(HttpRequest.newBuilder(server.uri(path)).header("Cookie", cookie).GET().build());
  }

  HttpResponse<String> form(String path, String cookie, String... pairs) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      body.append(i == 0 ? "" : "&").append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    HttpRequest.Builder b = HttpRequest.newBuilder(server.uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    return server.send(b.build());
  }

  static String csrf(String html) {
    Matcher m = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]{64})\"").matcher(html);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  static String templateId(String html, String label, String kindFr) {
    Matcher m = Pattern.compile("data-template-id=\"([^\"]+)\">\\s*<td>" + Pattern.quote(label) + "</td>\\s*<td>fr</td>\\s*"
        + "<td><a href=\"/responses/templates/[^\"]+\">" + Pattern.quote(kindFr)).matcher(html);
    assertThat(m.find()).as("template " + label + " / " + kindFr).isTrue();
    return m.group(1);
  }

  @Test
  void the_library_lists_the_54_shipped_templates_and_the_reporting_help() {
    HttpResponse<String> r = page("/responses");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(Pattern.compile("data-template-id=").matcher(r.body()).results().count()).isEqualTo(54);
    assertThat(r.body()).contains("Détresse").contains("Accusé de réception").contains("Aide au signalement")
        .contains("Règles de X : discours violents");
  }

  @Test
  void preview_shows_the_draft_rendered_and_save_adds_a_version_with_its_author() {
    String library = page("/responses").body();
    String id = templateId(library, "Question", "Réponse publique");
    String editor = page("/responses/templates/" + id).body();
    String draft = "Bonjour {first_name}, merci ! Nous regardons ça. {cm_name}";
    HttpResponse<String> preview = form("/responses/templates/" + id, cookie, "csrf", csrf(editor), "text", draft,
        "platform", "x", "action", "preview");
    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(preview.body()).contains("Bonjour Léa, merci ! Nous regardons ça.").contains("sur 280 permis");
    HttpResponse<String> save = form("/responses/templates/" + id, cookie, "csrf", csrf(editor), "text", draft,
        "platform", "x", "action", "save");
    assertThat(save.statusCode()).isEqualTo(302);
    String after = page("/responses/templates/" + id).body();
    assertThat(after).contains("v2").contains("data-version=\"2\"").contains("data-version=\"1\"").contains("admin");
  }

  @Test
  void a_draft_with_an_unknown_variable_is_refused_with_the_reason_and_kept_in_the_editor() {
    String id = templateId(page("/responses").body(), "Question", "Réponse publique");
    String editor = page("/responses/templates/" + id).body();
    HttpResponse<String> r = form("/responses/templates/" + id, cookie, "csrf", csrf(editor), "text", "Salut {prenom} <b>!</b>",
        "platform", "x", "action", "save");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("Variable inconnue {prenom}").contains("Salut {prenom} &lt;b&gt;!&lt;/b&gt;");
    assertThat(page("/responses/templates/" + id).body()).doesNotContain("data-version=\"2\"");
  }

  @Test
  void a_form_without_the_session_csrf_token_changes_nothing() {
    HttpResponse<String> r = form("/responses/settings", cookie, "csrf", "0".repeat(64), "brand", "Pirate", "country", "FR");
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(page("/responses").body()).doesNotContain("value=\"Pirate\"");
  }

  @Test
  void the_brand_and_country_are_saved_from_the_library_page() {
    String library = page("/responses").body();
    HttpResponse<String> r = form("/responses/settings", cookie, "csrf", csrf(library), "brand", "Maison Dupont", "country", "CH");
    assertThat(r.statusCode()).isEqualTo(302);
    String after = page("/responses").body();
    assertThat(after).contains("value=\"Maison Dupont\"").contains("<option value=\"CH\" selected>");
  }
}
