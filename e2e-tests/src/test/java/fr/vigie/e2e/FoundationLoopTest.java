package fr.vigie.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.ElementHandle;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole loop: X page → extension → server → SQLite → web view, in real Chromium. */
class FoundationLoopTest {

  static final String DISTRESS_ID = "1790000000000000001";
  static final String NEUTRAL_ID = "1789999123456789504";
  static VigieServer server;
  static ExtensionBrowser browser;

  @BeforeAll
  static void start() {
    server = new VigieServer();
    browser = new ExtensionBrowser();
    browser.configure(server.url(), VigieServer.ADMIN_TOKEN).close();
    browser.serveFixture("https://x.com/**", "x/home-timeline.html");
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

  Page openTimeline() {
    Page page = browser.context().newPage();
    page.navigate("https://x.com/home");
    page.waitForSelector("article[data-testid='tweet'][data-vigie-post-id='" + DISTRESS_ID + "'][data-vigie-risk]");
    return page;
  }

  @Test
  void options_page_reports_the_connection() {
    Page options = browser.context().newPage();
    options.navigate("chrome-extension://" + ExtensionBrowser.EXTENSION_ID + "/options.html");
    options.waitForSelector("#status[data-state='ok']");
    assertThat(options.inputValue("#server-url")).isEqualTo(server.url());
    options.fill("#api-token", "wrong-token-wrong-token");
    options.click("#save");
    options.waitForSelector("#status[data-state='unauthorized']");
    browser.configure(server.url(), VigieServer.ADMIN_TOKEN).close();
    options.close();
  }

  @Test
  void distress_post_is_critical_and_neutral_post_is_none() {
    Page page = openTimeline();
    Locator distress = page.locator("article[data-vigie-post-id='" + DISTRESS_ID + "']");
    Locator neutral = page.locator("article[data-vigie-post-id='" + NEUTRAL_ID + "']");
    neutral.and(page.locator("[data-vigie-risk]")).waitFor();
    assertThat(distress.getAttribute("data-vigie-risk")).isEqualTo("critical");
    assertThat(neutral.getAttribute("data-vigie-risk")).isEqualTo("none");
    // Every post gets a badge with an open shadow root.
    int posts = page.locator("article[data-testid='tweet']").count();
    assertThat(posts).isGreaterThanOrEqualTo(5);
    page.waitForFunction("n => document.querySelectorAll('article[data-testid=tweet] vigie-badge').length >= n", posts);
    // Kept for people reviewing a run: what the CM sees.
    page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target", "screenshots", "x-timeline.png")));
    assertThat((Boolean) distress.locator("vigie-badge").evaluate("b => b.shadowRoot !== null && b.shadowRoot.mode === 'open'"))
        .isTrue();
    page.close();
  }

  @Test
  void capture_button_stores_the_post_with_a_png_of_its_box_and_the_web_view_lists_it() throws IOException {
    Page page = openTimeline();
    page.bringToFront(); // captureVisibleTab takes the window's active tab
    Locator post = page.locator("article[data-vigie-post-id='" + DISTRESS_ID + "']");
    post.locator("vigie-badge .pill").hover(); // the CM points at the badge; its panel offers the capture
    post.locator("vigie-badge [data-action='capture']").click();
    Locator badge = post.locator("vigie-badge");
    // Done or failed, whichever comes first; a failure's French message makes the assertion below say why.
    badge.evaluate("b => new Promise(resolve => { const check = () => { const s = b.shadowRoot.querySelector('.status');"
        + " if (b.hasAttribute('data-capture-id') || (s && s.dataset.kind === 'error')) resolve(); else setTimeout(check, 50); };"
        + " check(); })");
    assertThat(badge.getAttribute("data-capture-id"))
        .as("capture id; badge status: %s", badge.evaluate("b => b.shadowRoot.querySelector('.status').textContent"))
        .isNotNull();
    String captureId = badge.getAttribute("data-capture-id");

    @SuppressWarnings("unchecked")
    Map<String, Object> box = (Map<String, Object>) post.evaluate(
        "el => { const r = el.getBoundingClientRect(); return {w: r.width, h: r.height, dpr: window.devicePixelRatio}; }");
    double dpr = ((Number) box.get("dpr")).doubleValue();

    JsonNode capture = server.getJson("/api/v1/captures/" + captureId);
    JsonNode metadata = capture.get("metadata");
    assertThat(metadata.at("/author/name").asText()).isEqualTo("Lucie M.");
    assertThat(metadata.at("/author/handle").asText()).isEqualTo("@lucie_m");
    assertThat(metadata.at("/author/profileUrl").asText()).isEqualTo("https://x.com/lucie_m");
    assertThat(metadata.get("permalink").asText()).isEqualTo("https://x.com/lucie_m/status/" + DISTRESS_ID);
    assertThat(metadata.get("postId").asText()).isEqualTo(DISTRESS_ID);
    assertThat(metadata.get("text").asText()).isEqualTo("je n'ai plus de tunes… je vais me suicider");
    assertThat(metadata.get("pageUrl").asText()).isEqualTo("https://x.com/home");
    assertThat(metadata.get("publishedAt").asText()).isEqualTo("2026-11-20T21:14:03.000Z");
    assertThat(metadata.get("capturedAt").asText()).endsWith("Z");
    assertThat(metadata.at("/classification/risk").asText()).isEqualTo("critical");
    assertThat(capture.get("risk").asText()).isEqualTo("critical");

    byte[] png = server.getBytes("/api/v1/captures/" + captureId + "/screenshot");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image).as("stored screenshot decodes as an image").isNotNull();
    assertThat(image.getWidth()).isCloseTo((int) Math.round(((Number) box.get("w")).doubleValue() * dpr), org.assertj.core.data.Offset.offset(1));
    assertThat(image.getHeight()).isCloseTo((int) Math.round(((Number) box.get("h")).doubleValue() * dpr), org.assertj.core.data.Offset.offset(1));
    assertThat(capture.at("/screenshot/width").asInt()).isEqualTo(image.getWidth());

    Page web = browser.context().newPage();
    web.navigate(server.url() + "/captures");
    assertThat(web.url()).contains("/login");
    web.fill("#login", "admin");
    web.fill("#password", VigieServer.ADMIN_PASSWORD);
    web.click("#sign-in");
    web.waitForURL(server.url() + "/captures");
    Locator row = web.locator("tr[data-capture-id='" + captureId + "']");
    assertThat(row.textContent()).contains("Lucie M.").contains("je vais me suicider").contains("Critique");
    ElementHandle thumb = row.locator("img.thumb").elementHandle();
    web.waitForFunction("img => img.complete && img.naturalWidth > 0", thumb);
    assertThat(((Number) thumb.evaluate("img => img.naturalWidth")).intValue()).isEqualTo(image.getWidth());
    web.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target", "screenshots", "web-view-list.png")));
    web.close();
    page.close();
  }
}
