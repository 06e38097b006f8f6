package fr.vigie.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Nothing lost: captures taken while the server is down wait in the extension's IndexedDB queue and arrive exactly
 * once when it is back, even across a browser restart; a critical post is captured by itself, once.
 */
class CaptureQueueTest {

  private static final String POPUP = "chrome-extension://" + ExtensionBrowser.EXTENSION_ID + "/popup.html";
  private static final String DISTRESS_ID = FoundationLoopTest.DISTRESS_ID;
  private static final byte[] TIMELINE = resource("/bench/growing-timeline-x.html");

  @Test
  void twenty_posts_captured_while_the_server_is_down_all_arrive_exactly_once_when_it_is_back() {
    int port = VigieServer.freePort();
    Path data = VigieServer.newDataDir();
    VigieServer server = new VigieServer(data, port);
    try (ExtensionBrowser browser = new ExtensionBrowser()) {
      setUp(browser, server, "off"); // only clicks here: Vigie capturing critical posts by itself would add captures
      Page page = openTimeline(browser, 20);
      server.close();

      List<String> ids = postIds(page);
      assertThat(ids).hasSize(20).doesNotHaveDuplicates();
      for (String id : ids) {
        Locator badge = clickCapture(page, id);
        assertThat(badge.getAttribute("data-capture")).as("post %s: %s", id, statusOf(badge)).isEqualTo("queued");
        assertThat(statusOf(badge)).startsWith("Enregistrée localement — envoi dès que le serveur répond");
      }

      Page popup = browser.context().newPage();
      popup.navigate(POPUP);
      popup.waitForFunction("() => document.querySelectorAll('#queue-list li[data-state=queued]').length === 20");
      assertThat(popup.textContent("#queue-summary")).contains("20 captures enregistrées localement, en attente d’envoi");
      assertThat(popup.textContent("#queue-list")).contains("Serveur Vigie injoignable");
      popup.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "popup-queue-20.png")));

      server = new VigieServer(data, port);
      popup.click("#queue-retry");
      popup.waitForFunction("() => document.querySelectorAll('#queue-list li').length === 0"
          + " && document.querySelector('#queue-summary').textContent.includes('Aucune capture en attente')");

      JsonNode items = server.getJson("/api/v1/captures?limit=200").get("items");
      List<String> stored = StreamSupport.stream(items.spliterator(), false).map(c -> c.at("/metadata/postId").asText()).toList();
      assertThat(stored).as("every capture arrived exactly once").hasSize(20).doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(ids);
      page.waitForFunction("() => document.querySelectorAll('vigie-badge[data-capture=sent][data-capture-id]').length === 20");
      for (JsonNode capture : items) {
        String id = capture.at("/metadata/postId").asText();
        Locator badge = page.locator("article[data-vigie-post-id='" + id + "'] vigie-badge");
        assertThat(badge.getAttribute("data-capture-id")).isEqualTo(capture.get("id").asText());
        assertThat(capture.at("/metadata/automatic").asBoolean()).isFalse();
      }
      assertThat(statusOf(page.locator("article[data-vigie-post-id='" + ids.get(0) + "'] vigie-badge"))).isEqualTo("Envoyée");
    } finally {
      server.close();
    }
  }

  @Test
  void captures_queued_when_the_browser_closes_are_sent_after_it_restarts() {
    int port = VigieServer.freePort();
    Path data = VigieServer.newDataDir();
    Path profile = ExtensionBrowser.newProfile();
    VigieServer server = new VigieServer(data, port);
    List<String> ids;
    try {
      try (ExtensionBrowser browser = new ExtensionBrowser(profile)) {
        setUp(browser, server, "off");
        Page page = openTimeline(browser, 3);
        server.close();
        ids = postIds(page);
        for (String id : ids) {
          assertThat(clickCapture(page, id).getAttribute("data-capture")).isEqualTo("queued");
        }
      }
      server = new VigieServer(data, port);
      // No page opened: the worker sends the queue by itself when the browser starts.
      try (ExtensionBrowser again = new ExtensionBrowser(profile)) {
        JsonNode items = waitForCaptures(server, 3, Duration.ofSeconds(40));
        List<String> stored = StreamSupport.stream(items.spliterator(), false).map(c -> c.at("/metadata/postId").asText()).toList();
        assertThat(stored).containsExactlyInAnyOrderElementsOf(ids);
        Page popup = again.context().newPage();
        popup.navigate(POPUP);
        popup.waitForFunction("() => document.querySelector('#queue-summary').textContent.includes('Aucune capture en attente')");
      }
    } finally {
      server.close();
    }
  }

  @Test
  void a_critical_post_is_captured_once_by_itself_and_not_again_after_a_reload() {
    try (VigieServer server = new VigieServer(); ExtensionBrowser browser = new ExtensionBrowser()) {
      browser.configure(server.url(), VigieServer.ADMIN_TOKEN).close(); // default level: critical
      browser.serveFixture("https://x.com/**", "x/home-timeline.html");
      Page page = browser.context().newPage();
      page.navigate("https://x.com/home");
      Locator badge = page.locator("article[data-vigie-post-id='" + DISTRESS_ID + "'] vigie-badge");
      // The host is a zero-size box (the pill overflows it): attached, not "visible" to Playwright.
      page.waitForSelector("article[data-vigie-post-id='" + DISTRESS_ID + "'] vigie-badge[data-capture='sent']",
          new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED).setTimeout(15_000));
      assertThat(statusOf(badge)).isEqualTo("Envoyée (capture automatique)");
      List<JsonNode> automatic = capturesOf(server, DISTRESS_ID);
      assertThat(automatic).hasSize(1);
      assertThat(automatic.get(0).at("/metadata/automatic").asBoolean()).isTrue();
      assertThat(automatic.get(0).get("id").asText()).isEqualTo(badge.getAttribute("data-capture-id"));
      // Only the critical post: the others of the page are below the level.
      assertThat(server.getJson("/api/v1/captures?limit=200").get("items")).hasSize(1);

      page.reload();
      page.waitForSelector("article[data-vigie-post-id='" + DISTRESS_ID + "'][data-vigie-risk='critical']");
      // An automatic capture starts within a second of the post being classified in view; give it three.
      page.waitForTimeout(3000);
      assertThat(capturesOf(server, DISTRESS_ID)).as("not captured again after a reload").hasSize(1);
      assertThat(badge.getAttribute("data-capture")).isNull();
    }
  }

  private static void setUp(ExtensionBrowser browser, VigieServer server, String autoCapture) {
    Page options = browser.configure(server.url(), VigieServer.ADMIN_TOKEN);
    options.selectOption("#auto-capture", autoCapture);
    options.waitForSelector("#auto-capture-status[data-level='" + autoCapture + "']");
    options.close();
    browser.context().route("https://x.com/**", route -> route.fulfill(new Route.FulfillOptions().setStatus(200)
        .setContentType("text/html; charset=utf-8").setBodyBytes(TIMELINE)));
  }

  /** X's real cell structure (saved page) with {@code total} distinct posts, every one classified. */
  private static Page openTimeline(ExtensionBrowser browser, int total) {
    Page page = browser.context().newPage();
    page.navigate("https://x.com/home?total=" + total + "&batch=" + total + "&interval=10");
    page.waitForFunction("n => document.querySelectorAll('article[data-vigie-post-id][data-vigie-risk]').length === n", total);
    return page;
  }

  private static List<String> postIds(Page page) {
    @SuppressWarnings("unchecked")
    List<String> ids = (List<String>) page.evaluate(
        "() => Array.from(document.querySelectorAll('article[data-vigie-post-id]'), a => a.getAttribute('data-vigie-post-id'))");
    return ids;
  }

  /** A CM's click on « Capturer la preuve »; returns the badge once the capture is no longer under way. */
  private static Locator clickCapture(Page page, String postId) {
    page.bringToFront(); // captureVisibleTab shoots the window's active tab
    Locator post = page.locator("article[data-vigie-post-id='" + postId + "']");
    post.locator("vigie-badge .pill").hover();
    post.locator("vigie-badge [data-action='capture']").click();
    Locator badge = post.locator("vigie-badge");
    badge.evaluate("b => new Promise(resolve => { const check = () => { const s = b.getAttribute('data-capture');"
        + " if (s && s !== 'busy') resolve(); else setTimeout(check, 20); }; check(); })");
    return badge;
  }

  private static String statusOf(Locator badge) {
    return (String) badge.evaluate("b => b.shadowRoot.querySelector('.live').textContent");
  }

  private static List<JsonNode> capturesOf(VigieServer server, String postId) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode capture : server.getJson("/api/v1/captures?limit=200").get("items")) {
      if (capture.at("/metadata/postId").asText().equals(postId)) {
        found.add(capture);
      }
    }
    return found;
  }

  private static JsonNode waitForCaptures(VigieServer server, int count, Duration timeout) {
    Instant end = Instant.now().plus(timeout);
    for (;;) {
      JsonNode items = server.getJson("/api/v1/captures?limit=200").get("items");
      Set<String> ids = new HashSet<>();
      items.forEach(c -> ids.add(c.at("/metadata/postId").asText()));
      if (items.size() >= count || Instant.now().isAfter(end)) {
        assertThat(ids).as("captures on the server after the restart").hasSize(count);
        assertThat(items).hasSize(count);
        return items;
      }
      sleep(250);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = CaptureQueueTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
