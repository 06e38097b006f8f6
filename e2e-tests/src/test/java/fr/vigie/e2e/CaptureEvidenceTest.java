package fr.vigie.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import com.microsoft.playwright.Request;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What one capture holds, in real Chromium: a forum post three viewports tall shot in slices below a fixed bar and
 * stitched, the viewport with the post outlined, the post's HTML and the page's MHTML. Each upload is read on its way
 * to the server (a route that lets it through), so its parts are checked byte for byte against the stored hashes.
 */
class CaptureEvidenceTest {

  static final String TOPIC = "https://forum.exemple-conso.fr/viewtopic.php?t=4821";
  static final String LONG_POST = "51234";
  static final String LUCIE = "1790000000000000001";
  static final int BAR_RGB = 0x1d3557;
  static VigieServer server;
  static ExtensionBrowser browser;
  static final List<Multipart> uploads = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() {
    server = new VigieServer();
    browser = new ExtensionBrowser();
    browser.configure(server.url(), VigieServer.ADMIN_TOKEN).close();
    browser.serveFixture("https://forum.exemple-conso.fr/**", "phpbb/long-post.html");
    browser.serveFixture("https://x.com/**", "x/home-timeline.html");
    browser.serveFixture("https://www.facebook.com/**", "facebook/page-feed.html");
    // The worker's warnings (a refused MHTML, a partial stitch, an internal error) say why a capture went wrong.
    browser.context().onConsoleMessage(m -> {
      if (m.text().startsWith("[vigie]")) {
        System.out.println("extension console: " + m.text());
      }
    });
    browser.context().route(server.url() + "/api/v1/captures", route -> {
      Request request = route.request();
      if (request.method().equals("POST")) {
        uploads.add(Multipart.parse(request.headerValue("content-type"), request.postDataBuffer()));
      }
      route.resume();
    });
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

  @Test
  void a_post_taller_than_the_viewport_is_stitched_from_slices_below_the_fixed_bar() throws IOException {
    Page page = browser.context().newPage();
    page.navigate(TOPIC);
    Locator post = page.locator("#p" + LONG_POST + "[data-vigie-risk]");
    post.waitFor();
    page.evaluate("() => window.scrollTo(0, 120)");
    Map<?, ?> box = (Map<?, ?>) post.evaluate("el => { const r = el.getBoundingClientRect();"
        + " return { w: r.width, h: r.height, dpr: window.devicePixelRatio, vh: innerHeight }; }");
    double dpr = number(box.get("dpr"));
    assertThat(number(box.get("h"))).as("the fixture's post is taller than two viewports").isGreaterThan(2 * number(box.get("vh")));

    int before = uploads.size();
    String captureId = capture(page, post);
    assertThat(((Number) page.evaluate("() => window.scrollY")).intValue()).as("the CM's scroll position is given back").isEqualTo(120);

    JsonNode metadata = server.getJson("/api/v1/captures/" + captureId).get("metadata");
    assertThat(metadata.get("screenshotSlices").asInt()).isGreaterThanOrEqualTo(3);
    assertThat(metadata.at("/postRect/y").asDouble()).as("the post's top put just below the 56 px bar").isCloseTo(56, Offset.offset(1.0));
    assertThat(metadata.at("/postRect/height").asDouble()).isCloseTo(number(box.get("h")), Offset.offset(1.0));

    BufferedImage shot = ImageIO.read(new ByteArrayInputStream(server.getBytes("/api/v1/captures/" + captureId + "/screenshot")));
    assertThat(shot.getHeight()).isCloseTo((int) Math.round(number(box.get("h")) * dpr), Offset.offset(1));
    assertThat(shot.getWidth()).isCloseTo((int) Math.round(number(box.get("w")) * dpr), Offset.offset(1));
    assertThat(countRgb(shot, BAR_RGB)).as("no slice shows the fixed bar").isZero();
    // Kept for people reviewing a run: the stitched post.
    Files.createDirectories(Path.of("target", "screenshots"));
    ImageIO.write(shot, "png", Path.of("target", "screenshots", "long-post-stitched.png").toFile());

    // The same post shot by Chromium in one piece (DevTools' beyond-the-viewport capture), the bar hidden: the stitched
    // rows are the page's rows, without a seam, a gap or a repeat. The badge's corner is left out (its state changed).
    // The response panel a clicked capture opens is closed first (Escape, as a CM would).
    page.locator("vigie-response-panel").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
    page.keyboard().press("Escape");
    page.locator("vigie-response-panel").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
    // Focus went back to the badge, whose panel then shows: the CM moves on.
    page.evaluate("() => { const b = document.querySelector('vigie-badge:focus-within, vigie-badge'); "
        + "const active = b && b.shadowRoot.activeElement; if (active) active.blur(); }");
    page.mouse().move(1, 1);
    page.evaluate("() => { document.getElementById('fixed-bar').style.display = 'none'; }");
    BufferedImage whole = ImageIO.read(new ByteArrayInputStream(post.screenshot()));
    // Playwright rounds the element's box outwards: up to 2 rows more, so the best of the alignments within 2 rows.
    assertThat(whole.getHeight()).isCloseTo(shot.getHeight(), Offset.offset(2));
    double same = 0;
    for (int shift = 0; shift <= whole.getHeight() - shot.getHeight(); shift++) {
      same = Math.max(same, sameRows(shot, whole, shift, 60));
    }
    assertThat(same).as("share of rows identical to Chromium's own shot of the post").isGreaterThan(0.995);

    Multipart upload = uploadOf(before, metadata);
    assertPartsMatch(upload, metadata);
    BufferedImage viewport = ImageIO.read(new ByteArrayInputStream(upload.parts().get("viewport").bytes()));
    assertThat(viewport.getWidth()).isEqualTo((int) Math.round(1280 * dpr));
    assertThat(viewport.getHeight()).isEqualTo((int) Math.round(900 * dpr));
    assertThat(countRgb(viewport, 0xff0000)).as("the post is outlined in red").isGreaterThan(0);
    String html = new String(upload.parts().get("html").bytes(), StandardCharsets.UTF_8);
    assertThat(html).contains("Jour 40 : toujours aucune nouvelle").contains(TOPIC).doesNotContain("<script").doesNotContain("vigie-badge");
    String mhtml = new String(upload.parts().get("mhtml").bytes(), StandardCharsets.UTF_8);
    assertThat(mhtml).contains("Snapshot-Content-Location: " + TOPIC).contains("multipart/related");
    assertThat(metadata.at("/publishedShown").asText()).isEqualTo("sam. 14 juin 2025 11:00");
    page.close();
  }

  @Test
  void a_post_that_fits_is_cropped_from_the_same_shot_as_the_outlined_viewport_with_the_browser_and_path() throws IOException {
    Page page = browser.context().newPage();
    page.navigate("https://x.com/home");
    Locator post = page.locator("article[data-testid='tweet'][data-vigie-post-id='" + LUCIE + "'][data-vigie-risk]");
    post.waitFor();
    int before = uploads.size();
    AtomicReference<BoundingBox> buttonBox = new AtomicReference<>();
    AtomicReference<Double> postTopBefore = new AtomicReference<>();
    String captureId = capture(page, post, button -> {
      buttonBox.set(button.boundingBox());
      postTopBefore.set(post.boundingBox().y);
    });
    JsonNode metadata = server.getJson("/api/v1/captures/" + captureId).get("metadata");
    Multipart upload = uploadOf(before, metadata);
    assertPartsMatch(upload, metadata);
    assertThat(metadata.get("screenshotSlices").asInt()).isEqualTo(1);

    double dpr = metadata.at("/viewport/devicePixelRatio").asDouble();
    BufferedImage shot = ImageIO.read(new ByteArrayInputStream(upload.parts().get("screenshot").bytes()));
    BufferedImage viewport = ImageIO.read(new ByteArrayInputStream(upload.parts().get("viewport").bytes()));
    int left = (int) Math.round(metadata.at("/postRect/x").asDouble() * dpr);
    int top = (int) Math.round(metadata.at("/postRect/y").asDouble() * dpr);
    for (int y = 0; y < shot.getHeight(); y += 7) {
      for (int x = 0; x < shot.getWidth(); x += 11) {
        assertThat(shot.getRGB(x, y)).as("pixel %d,%d", x, y).isEqualTo(viewport.getRGB(left + x, top + y));
      }
    }
    // The badge's panel, open under the CM's pointer at the click, is hidden before the shot: where its capture button
    // was (moved as the post moved, if it did), no pixel has the button's blue.
    BoundingBox button = buttonBox.get();
    double moved = metadata.at("/postRect/y").asDouble() - postTopBefore.get();
    long blue = 0;
    for (int y = (int) ((button.y + moved) * dpr); y < (int) ((button.y + moved + button.height) * dpr); y++) {
      for (int x = (int) (button.x * dpr); x < (int) ((button.x + button.width) * dpr); x++) {
        blue += (viewport.getRGB(x, y) & 0xffffff) == 0x1d4ed8 ? 1 : 0;
      }
    }
    assertThat(blue).as("pixels of the panel's capture button in the viewport shot").isZero();
    int middle = top + shot.getHeight() / 2;
    for (int d = 1; d <= 3; d++) {
      assertThat(viewport.getRGB(left - d, middle) & 0xffffff).as("left band, %d px out", d).isEqualTo(0xff0000);
      assertThat(viewport.getRGB(left + shot.getWidth() - 1 + d, middle) & 0xffffff).as("right band, %d px out", d).isEqualTo(0xff0000);
    }

    assertThat(metadata.at("/publishedShown").asText()).isEqualTo("2m");
    assertThat(metadata.at("/browser/name").asText()).isEqualTo("Chromium");
    assertThat(metadata.at("/browser/version").asText()).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
    assertThat(metadata.at("/browser/os").asText()).isNotBlank();
    JsonNode environment = metadata.get("environment");
    assertThat(environment.get("proxy").asText()).isNotBlank().isNotEqualTo("unknown");
    JsonNode path = environment.get("navigationPath");
    assertThat(path.get(path.size() - 1).get("url").asText()).isEqualTo("https://x.com/home");
    assertThat(environment.get("browsingDataCleared").asText()).isEqualTo("unknown");
    assertThat(environment.get("networkAddress").asText()).isEqualTo("unknown");
    assertThat(environment.get("languages").size()).isGreaterThan(0);
    System.out.printf("Capture environment seen: browser %s, proxy %s, languages %s%n",
        metadata.get("browser"), environment.get("proxy"), environment.get("languages"));
    page.close();
  }

  @Test
  void a_facebook_post_is_captured_with_every_part_and_the_date_as_the_page_gives_it() throws IOException {
    Page page = browser.context().newPage();
    page.navigate("https://www.facebook.com/MaisonDurand");
    Locator post = page.locator("[data-vigie-post-id^='pfbid0Rk4mXq2Z7tVnBwL9cY1sE8uJdP3oG5hAfQ6iKzT2xMvN7pWy1bHrC4eD9gSj'][data-vigie-risk]");
    post.waitFor();
    int before = uploads.size();
    String captureId = capture(page, post);
    JsonNode metadata = server.getJson("/api/v1/captures/" + captureId).get("metadata");
    Multipart upload = uploadOf(before, metadata);
    assertPartsMatch(upload, metadata);
    Map<?, ?> box = (Map<?, ?>) post.evaluate("el => { const r = el.getBoundingClientRect(); return { w: r.width, h: r.height }; }");
    double dpr = metadata.at("/viewport/devicePixelRatio").asDouble();
    BufferedImage shot = ImageIO.read(new ByteArrayInputStream(upload.parts().get("screenshot").bytes()));
    assertThat(shot.getWidth()).isCloseTo((int) Math.round(number(box.get("w")) * dpr), Offset.offset(1));
    assertThat(shot.getHeight()).isCloseTo((int) Math.round(number(box.get("h")) * dpr), Offset.offset(1));
    assertThat(metadata.get("platform").asText()).isEqualTo("facebook");
    assertThat(metadata.get("publishedShown").asText()).isEqualTo("mercredi 18 novembre 2026 à 09:30");
    assertThat(new String(upload.parts().get("html").bytes(), StandardCharsets.UTF_8)).doesNotContain("<script");

    // One byte of the stored viewport changed on disk: verify fails and names that file, then passes once restored.
    JsonNode capture = server.getJson("/api/v1/captures/" + captureId);
    String viewportSha = metadata.get("viewportSha256").asText();
    Path file = server.dataDir().resolve("files").resolve(viewportSha.substring(0, 2)).resolve(viewportSha.substring(2, 4))
        .resolve(viewportSha);
    byte[] original = Files.readAllBytes(file);
    byte[] edited = original.clone();
    edited[edited.length / 2] ^= 0x01;
    Files.write(file, edited);
    try {
      JsonNode broken = server.getJson("/api/v1/captures/" + captureId + "/verify");
      assertThat(broken.get("ok").asBoolean()).isFalse();
      JsonNode viewport = null;
      for (JsonNode f : broken.get("files")) {
        if (f.get("role").asText().equals("viewport")) {
          viewport = f;
        } else {
          assertThat(f.get("ok").asBoolean()).as(f.get("role").asText() + " untouched").isTrue();
        }
      }
      assertThat(viewport).isNotNull();
      assertThat(viewport.get("ok").asBoolean()).isFalse();
      assertThat(viewport.get("problem").asText()).contains("viewport");
    } finally {
      Files.write(file, original);
    }
    assertThat(server.getJson("/api/v1/captures/" + captureId + "/verify").get("ok").asBoolean()).isTrue();
    assertThat(capture.get("files").findValuesAsText("role")).contains("screenshot", "viewport", "html", "mhtml", "manifest");
    page.close();
  }

  /** Points at the post's badge and clicks « Capturer la preuve », as a CM does; returns the stored capture's id. */
  static String capture(Page page, Locator post) {
    return capture(page, post, button -> { });
  }

  /** The same, with a look at the capture button (its place) once the panel is open and before the click. */
  static String capture(Page page, Locator post, Consumer<Locator> beforeClick) {
    page.bringToFront(); // captureVisibleTab takes the window's active tab
    post.locator("vigie-badge .pill").first().hover();
    Locator button = post.locator("vigie-badge [data-action='capture']").first();
    button.waitFor();
    beforeClick.accept(button);
    button.click();
    Locator badge = post.locator("vigie-badge").first();
    badge.evaluate("b => new Promise(resolve => { const check = () => { const s = b.shadowRoot.querySelector('.status');"
        + " if (b.hasAttribute('data-capture-id') || (s && s.dataset.kind === 'error')) resolve(); else setTimeout(check, 50); };"
        + " check(); })");
    assertThat(badge.getAttribute("data-capture-id"))
        .as("capture id; badge status: %s", badge.evaluate("b => b.shadowRoot.querySelector('.status').textContent"))
        .isNotNull();
    String id = badge.getAttribute("data-capture-id");
    JsonNode verify = server.getJson("/api/v1/captures/" + id + "/verify");
    assertThat(verify.get("ok").asBoolean()).as("verify of %s: %s", id, verify).isTrue();
    return id;
  }

  /**
   * The upload of that capture among those since {@code before}: automatic captures of the fixtures' critical posts
   * (this one too, shot the same) may have gone through meanwhile.
   */
  static Multipart uploadOf(int before, JsonNode metadata) {
    String screenshot = metadata.get("screenshotSha256").asText();
    return uploads.subList(before, uploads.size()).stream()
        .filter(u -> u.parts().containsKey("screenshot") && sha256(u.parts().get("screenshot").bytes()).equals(screenshot))
        .reduce((first, second) -> second) // the last: an automatic capture of the same post may have come first
        .orElseThrow(() -> new AssertionError("no upload carries the stored screenshot " + screenshot));
  }

  /** Every part was sent with its name, file name and type, and its SHA-256 is the one the stored metadata names. */
  static void assertPartsMatch(Multipart upload, JsonNode metadata) {
    assertThat(upload.parts().keySet()).containsExactly("metadata", "screenshot", "viewport", "html", "mhtml");
    Map<String, String[]> expected = Map.of(
        "screenshot", new String[] {"screenshot.png", "image/png", "screenshotSha256"},
        "viewport", new String[] {"viewport.png", "image/png", "viewportSha256"},
        "html", new String[] {"post.html", "text/html;charset=utf-8", "htmlSha256"},
        "mhtml", new String[] {"page.mhtml", "multipart/related", "mhtmlSha256"});
    expected.forEach((name, file) -> {
      Multipart.Part part = upload.parts().get(name);
      assertThat(part.filename()).isEqualTo(file[0]);
      assertThat(part.contentType()).isEqualTo(file[1]);
      assertThat(metadata.get(file[2]).asText()).as(name).isEqualTo(sha256(part.bytes()));
    });
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static long countRgb(BufferedImage image, int rgb) {
    long count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xffffff) == rgb) {
          count++;
        }
      }
    }
    return count;
  }

  /** The share of a's rows, from `fromRow` down, whose pixels all equal b's row `shift` lower. */
  static double sameRows(BufferedImage a, BufferedImage b, int shift, int fromRow) {
    int same = 0;
    for (int y = fromRow; y < a.getHeight(); y++) {
      boolean equal = true;
      for (int x = 0; x < Math.min(a.getWidth(), b.getWidth()) && equal; x++) {
        equal = a.getRGB(x, y) == b.getRGB(x, y + shift);
      }
      same += equal ? 1 : 0;
    }
    return (double) same / (a.getHeight() - fromRow);
  }

  static double number(Object value) {
    return ((Number) value).doubleValue();
  }
}
