package fr.vigie.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What keeping a capture in IndexedDB before its upload costs: the extension's own outbox (lib/outbox.js) in
 * Chromium against the real server, versus the same upload of the same bytes without keeping them, interleaved,
 * median of ROUNDS each. The bundle is a noisy 1196×424 PNG (the size of a post at devicePixelRatio 2) and a
 * 1.5 MB page archive standing for the MHTML.
 */
@Tag("benchmark")
class OutboxOverheadBenchmarkTest {

  private static final int ROUNDS = Integer.parseInt(System.getenv().getOrDefault("VIGIE_BENCH_ROUNDS", "50"));

  private static final String RUN = """
      async ({ serverUrl, token, rounds }) => {
        const { createOutbox } = await import('./lib/outbox.js');
        const { buildCaptureForm, sha256Hex } = await import('./lib/metadata.js');
        const { createApi } = await import('./lib/api.js');
        const canvas = new OffscreenCanvas(1196, 424);
        const ctx = canvas.getContext('2d');
        const pixels = ctx.createImageData(1196, 424);
        for (let i = 0; i < pixels.data.length; i += 1) pixels.data[i] = (i % 4 === 3) ? 255 : (Math.random() * 256) | 0;
        ctx.putImageData(pixels, 0, 0);
        const screenshot = await canvas.convertToBlob({ type: 'image/png' });
        const mhtml = new Blob([new Uint8Array(1500000).map((_, i) => 32 + (i * 7919) % 90)], { type: 'multipart/related' });
        const settings = async () => ({ serverUrl, apiToken: token });
        const outbox = createOutbox({ indexedDB, fetch: (u, i) => fetch(u, i), settings, now: () => new Date(), random: Math.random });
        const api = createApi({ fetch: (u, i) => fetch(u, i), serverUrl, apiToken: token });
        const metadata = async (n) => ({
          pageUrl: 'https://x.com/home', platform: 'x', postId: String(1790000000000000000n + BigInt(n)),
          author: { name: 'Lucie M.', handle: '@lucie_m', profileUrl: 'https://x.com/lucie_m' }, permalink: null,
          publishedAt: null, text: 'je vais me suicider', capturedAt: new Date().toISOString(),
          classification: { id: String(n), risk: 'critical', labels: [] }, screenshotSha256: await sha256Hex(screenshot),
        });
        const kept = [], bare = [];
        for (let n = 0; n < rounds; n += 1) {
          let t = performance.now();
          const outcome = await outbox.submit({ key: crypto.randomUUID(), metadata: await metadata(2 * n),
            parts: { screenshot, mhtml }, postRef: { platform: 'x', postId: String(n) } });
          if (outcome.status !== 'sent') throw new Error(JSON.stringify(outcome));
          kept.push(performance.now() - t);
          const form = buildCaptureForm(await metadata(2 * n + 1), { screenshot, mhtml });
          t = performance.now();
          await api.postCapture(form, crypto.randomUUID());
          bare.push(performance.now() - t);
        }
        return { kept, bare, bytes: screenshot.size + mhtml.size };
      }""";

  @Test
  void keeping_a_capture_before_its_upload_costs_little_next_to_the_upload() throws Exception {
    try (VigieServer server = new VigieServer(); ExtensionBrowser browser = new ExtensionBrowser()) {
      Page page = browser.context().newPage();
      page.navigate("chrome-extension://" + ExtensionBrowser.EXTENSION_ID + "/options.html");
      @SuppressWarnings("unchecked")
      Map<String, Object> result = (Map<String, Object>) page.evaluate(RUN,
          Map.of("serverUrl", server.url(), "token", VigieServer.ADMIN_TOKEN, "rounds", ROUNDS));
      double kept = median(numbers(result.get("kept")));
      double bare = median(numbers(result.get("bare")));
      String report = String.format(Locale.ROOT,
          "Outbox overhead: %d captures of %.2f MB each (PNG + page archive), Chromium headless, server on loopback%n"
          + "  kept in IndexedDB, then uploaded, then removed: median %.1f ms%n"
          + "  the same upload without keeping:                median %.1f ms%n"
          + "  ratio %.2f, added %.1f ms per capture%n",
          ROUNDS, ((Number) result.get("bytes")).doubleValue() / 1e6, kept, bare, kept / bare, kept - bare);
      System.out.println(report);
      Files.createDirectories(Path.of("target"));
      Files.writeString(Path.of("target", "outbox-overhead-benchmark.txt"), report);
      assertThat(server.getJson("/api/v1/captures?limit=200").get("items")).hasSize(Math.min(200, 2 * ROUNDS));
    }
  }

  private static List<Double> numbers(Object list) {
    List<Double> out = new ArrayList<>();
    for (Object o : (List<?>) list) {
      out.add(((Number) o).doubleValue());
    }
    return out;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
