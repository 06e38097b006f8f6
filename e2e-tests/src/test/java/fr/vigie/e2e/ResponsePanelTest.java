package fr.vigie.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The response panel in real Chromium against the real server: « Répondre » on a badge, the server's suggestion in the
 * panel, « Répondre sur la plateforme » opening the platform's own reply (X intent, Facebook reply box, phpBB quote
 * page), and the intervention stored. The platforms' pages are saved fixtures served at their real addresses; their
 * reply pages (unreachable offline) are a plain placeholder page: Vigie only opens them, and the tests check the
 * address and text it opens them with.
 */
class ResponsePanelTest {

  static final String X_POST = "1790000000000000001";
  static final String FACEBOOK_COMMENT = "3344556677889900";
  static final String PHPBB_POST = "51252";
  static final String REPLY_PAGE = "<!doctype html><html><head><title>réponse</title></head><body><p>page de réponse</p></body></html>";
  // Facebook's own script is not in the saved page: like Facebook, a click on a comment's « Répondre » adds a focused
  // reply box (contenteditable, role=textbox) under the comment a moment later.
  static final String FACEBOOK_REPLY_BOX = """
      document.addEventListener('click', (event) => {
        const button = event.target instanceof Element && event.target.closest('[role="button"]');
        if (!button || button.textContent.trim() !== 'Répondre') return;
        const comment = button.closest('[role="article"]');
        setTimeout(() => {
          const box = document.createElement('div');
          box.setAttribute('contenteditable', 'true');
          box.setAttribute('role', 'textbox');
          box.setAttribute('aria-label', 'Répondre au commentaire');
          box.id = 'e2e-reply-box';
          comment.append(box);
          box.focus();
        }, 150);
      });
      """;

  static VigieServer server;
  static ExtensionBrowser browser;

  @BeforeAll
  static void start() {
    server = new VigieServer();
    browser = new ExtensionBrowser();
    browser.configure(server.url(), VigieServer.ADMIN_TOKEN).close();
    BrowserContext context = browser.context();
    browser.serveFixture("https://x.com/**", "x/home-timeline.html");
    browser.serveFixture("https://www.facebook.com/**", "facebook/page-feed.html");
    browser.serveFixture("https://forum.exemple-conso.fr/**", "phpbb/viewtopic.html");
    // Registered last, so they come first (Playwright runs the newest matching route).
    context.route("https://x.com/intent/**", ResponsePanelTest::replyPage);
    context.route("https://forum.exemple-conso.fr/posting.php**", ResponsePanelTest::replyPage);
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

  private static void replyPage(Route route) {
    route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("text/html; charset=utf-8").setBody(REPLY_PAGE));
  }

  /** Opens the page, waits for the post's risk, points at its badge and clicks « Répondre »; returns the panel's text. */
  static Locator respond(Page page, String url, String postId) {
    page.navigate(url);
    Locator post = page.locator("[data-vigie-post-id='" + postId + "'][data-vigie-risk]").first();
    post.waitFor(new Locator.WaitForOptions().setTimeout(15_000));
    Locator badge = post.locator("vigie-badge").first();
    badge.locator(".pill").hover();
    badge.locator("[data-action='respond']").click();
    Locator text = page.locator("vigie-response-panel textarea");
    text.waitFor(new Locator.WaitForOptions().setTimeout(15_000));
    return text;
  }

  /** The interventions stored for a post, once the one with this action is there. */
  static JsonNode interventionsWith(String platform, String postId, String action) throws InterruptedException {
    String path = "/api/v1/interventions?platform=" + platform + "&postId=" + postId;
    for (int attempt = 0; attempt < 100; attempt++) {
      JsonNode items = server.getJson(path).get("items");
      for (JsonNode item : items) {
        if (item.get("action").asText().equals(action)) {
          return items;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no '" + action + "' intervention for " + platform + "/" + postId + ": " + server.getJson(path));
  }

  static Map<String, String> query(String url) {
    Map<String, String> params = new HashMap<>();
    for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
      String[] kv = pair.split("=", 2);
      params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return params;
  }

  @Test
  void on_x_the_distress_reply_opens_the_reply_intent_with_the_post_id_and_the_text() throws Exception {
    Page page = browser.context().newPage();
    Locator text = respond(page, "https://x.com/home", X_POST);
    String reply = text.inputValue();
    assertThat(reply).as("the distress reply gives the national suicide prevention line").contains("3114");
    Locator panel = page.locator("vigie-response-panel [role='dialog']");
    assertThat(panel.textContent()).contains("Lignes d’écoute").contains("Signaler à la plateforme");
    page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target", "screenshots", "response-panel-x.png")));

    Page intent = browser.context().waitForPage(() -> page.locator("vigie-response-panel [data-action='reply']").click());
    intent.waitForLoadState();
    String url = intent.url();
    assertThat(url).startsWith("https://x.com/intent/post?in_reply_to=" + X_POST + "&text=");
    assertThat(query(url)).containsEntry("in_reply_to", X_POST).containsEntry("text", reply);
    assertThat(intent.textContent("body")).contains("page de réponse");

    JsonNode items = interventionsWith("x", X_POST, "opened");
    JsonNode opened = items.get(items.size() - 1);
    assertThat(opened.get("finalText").asText()).isEqualTo(reply);
    assertThat(opened.get("templateId").isNull()).as("the template used is named").isFalse();
    assertThat(opened.get("templateVersion").asInt()).isPositive();
    assertThat(opened.get("by").asText()).isEqualTo("admin");
    intent.close();
    page.close();
  }

  @Test
  void on_facebook_the_comment_s_reply_box_receives_the_text_and_nothing_is_sent() throws Exception {
    Page page = browser.context().newPage();
    page.addInitScript(FACEBOOK_REPLY_BOX);
    Locator text = respond(page, "https://www.facebook.com/MaisonDurand", FACEBOOK_COMMENT);
    String reply = text.inputValue();
    page.locator("vigie-response-panel [data-action='reply']").click();
    Locator status = page.locator("vigie-response-panel .status");
    status.and(page.locator("[data-kind='ok']")).waitFor();
    assertThat(status.textContent()).contains("Texte placé dans la zone de réponse");
    Locator box = page.locator("#e2e-reply-box");
    assertThat(box.textContent().replaceAll("\\s+", "")).isEqualTo(reply.replaceAll("\\s+", ""));
    assertThat((Boolean) box.evaluate("box => document.activeElement === box")).as("the caret is in the reply box").isTrue();
    assertThat(page.locator("[aria-label='Écrivez un commentaire…']").textContent().trim()).isEmpty();
    interventionsWith("facebook", FACEBOOK_COMMENT, "opened");
    page.close();
  }

  @Test
  void on_phpbb_the_text_is_copied_and_the_post_s_quote_page_opens() throws Exception {
    browser.context().grantPermissions(List.of("clipboard-read", "clipboard-write"),
        new BrowserContext.GrantPermissionsOptions().setOrigin("https://forum.exemple-conso.fr"));
    Page page = browser.context().newPage();
    Locator text = respond(page, "https://forum.exemple-conso.fr/viewtopic.php?t=4821", PHPBB_POST);
    String reply = text.inputValue();
    assertThat(reply).contains("3114");
    Page quote = browser.context().waitForPage(() -> page.locator("vigie-response-panel [data-action='reply']").click());
    quote.waitForLoadState();
    assertThat(quote.url()).isEqualTo("https://forum.exemple-conso.fr/posting.php?mode=quote&p=" + PHPBB_POST);
    assertThat(page.locator("vigie-response-panel .status").textContent()).isEqualTo("Texte copié : collez-le dans la réponse.");
    page.bringToFront();
    assertThat(page.evaluate("() => navigator.clipboard.readText()")).isEqualTo(reply);
    interventionsWith("phpbb", PHPBB_POST, "opened");
    quote.close();
    page.close();
  }
}
