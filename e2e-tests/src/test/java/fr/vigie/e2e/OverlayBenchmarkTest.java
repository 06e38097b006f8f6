package fr.vigie.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The overlay's cost on a 500-post X timeline that keeps growing: main-thread task time with the extension versus
 * without it, in the same run; time from a post entering the DOM to its badge and to its risk; heap. Run with
 * {@code benchmarks/overlay.sh}; not part of the regular suite (timings are measurements, not pass/fail tests).
 */
@Tag("benchmark")
class OverlayBenchmarkTest {

  private static final int POSTS = Integer.parseInt(System.getenv().getOrDefault("VIGIE_BENCH_POSTS", "500"));
  /** growing-timeline.html: a light synthetic cell; growing-timeline-x.html: X's real cell structure (saved page). */
  private static final String PAGE = System.getenv().getOrDefault("VIGIE_BENCH_PAGE", "growing-timeline.html");
  private static final int ROUNDS = Integer.parseInt(System.getenv().getOrDefault("VIGIE_BENCH_ROUNDS", "5"));
  /** When set, each load also records a Chrome trace (devtools.timeline) to this folder, for trace-breakdown.mjs. */
  private static final String TRACE_DIR = System.getenv("VIGIE_BENCH_TRACE");
  /** When set, each load with the extension also records a V8 CPU profile (.cpuprofile) to this folder. */
  private static final String PROFILE_DIR = System.getenv("VIGIE_BENCH_PROFILE");
  /** The auto-capture level set in the options (critical: the extension's default; high; off). */
  private static final String AUTO_CAPTURE = System.getenv().getOrDefault("VIGIE_BENCH_AUTOCAPTURE", "critical");
  private static final String TRACE_CATEGORIES = System.getenv().getOrDefault("VIGIE_BENCH_TRACE_CATEGORIES",
      "devtools.timeline,disabled-by-default-devtools.timeline,v8,v8.execute");

  record Run(double taskSeconds, double scriptSeconds, double heapMb, List<Double> toBadge, List<Double> toRisk) {}

  @Test
  void overlay_cost_on_a_growing_timeline() throws Exception {
    byte[] page;
    try (InputStream in = OverlayBenchmarkTest.class.getResourceAsStream("/bench/" + PAGE)) {
      page = in.readAllBytes();
    }
    List<Run> without = new ArrayList<>();
    List<Run> with = new ArrayList<>();
    try (VigieServer server = new VigieServer()) {
      for (int round = 0; round < ROUNDS; round++) {
        without.add(measure(page, null, traceFile("without", round)));
        with.add(measure(page, server, traceFile("with", round)));
      }
    }
    double ratio = median(with.stream().map(Run::taskSeconds).toList()) / median(without.stream().map(Run::taskSeconds).toList());
    List<Double> toBadge = new ArrayList<>();
    List<Double> toRisk = new ArrayList<>();
    with.forEach(r -> {
      toBadge.addAll(r.toBadge());
      toRisk.addAll(r.toRisk());
    });
    String report = String.format(Locale.ROOT,
        "Overlay benchmark: %d-post growing X timeline (%s), %d rounds each, Chromium headless, extension %s%n"
        + "  main-thread task time: without %.3f s, with %.3f s (medians) → ratio %.2f (goal ≤ 1.10)%n"
        + "  per round (s): without %s, with %s%n"
        + "  script time: without %.3f s, with %.3f s%n"
        + "  post entering the DOM → badge shown: p50 %.0f ms, p95 %.0f ms, max %.0f ms (n=%d)%n"
        + "  post entering the DOM → risk shown (server answered): p50 %.0f ms, p95 %.0f ms, max %.0f ms (n=%d) (goal p95 ≤ 150 ms)%n"
        + "  JS heap used at the end: without %.1f MB, with %.1f MB → content scripts ≈ %.1f MB%n",
        POSTS, PAGE, ROUNDS, ExtensionBrowser.EXTENSION_DIR,
        median(without.stream().map(Run::taskSeconds).toList()), median(with.stream().map(Run::taskSeconds).toList()), ratio,
        rounds(without), rounds(with),
        median(without.stream().map(Run::scriptSeconds).toList()), median(with.stream().map(Run::scriptSeconds).toList()),
        percentile(toBadge, 50), percentile(toBadge, 95), percentile(toBadge, 100), toBadge.size(),
        percentile(toRisk, 50), percentile(toRisk, 95), percentile(toRisk, 100), toRisk.size(),
        median(without.stream().map(Run::heapMb).toList()), median(with.stream().map(Run::heapMb).toList()),
        median(with.stream().map(Run::heapMb).toList()) - median(without.stream().map(Run::heapMb).toList()));
    System.out.println(report);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "overlay-benchmark-" + PAGE.replace(".html", "") + ".txt"), report);
    assertThat(toRisk).as("every post got its risk").hasSize(POSTS * ROUNDS);
  }

  /** One page load in a fresh browser: with the extension when a server is given, plain Chromium otherwise. */
  private static Run measure(byte[] html, VigieServer server, Path trace) throws IOException {
    try (Playwright playwright = Playwright.create()) {
      Path profile = Files.createTempDirectory("vigie-bench-profile");
      List<String> args = new ArrayList<>(List.of("--no-sandbox", "--disable-background-networking",
          "--disable-component-update", "--disable-sync", "--no-first-run"));
      if (server != null) {
        args.add("--disable-extensions-except=" + ExtensionBrowser.EXTENSION_DIR);
        args.add("--load-extension=" + ExtensionBrowser.EXTENSION_DIR);
      }
      BrowserType.LaunchPersistentContextOptions options = new BrowserType.LaunchPersistentContextOptions()
          .setExecutablePath(Path.of(System.getProperty("vigie.chromium", "/usr/bin/chromium")))
          .setHeadless(true).setViewportSize(1280, 900).setArgs(args);
      if (server != null) {
        options.setIgnoreDefaultArgs(List.of("--disable-extensions"));
      }
      try (BrowserContext context = playwright.chromium().launchPersistentContext(profile, options)) {
        if (server != null) {
          Page settings = context.newPage();
          settings.navigate("chrome-extension://" + ExtensionBrowser.EXTENSION_ID + "/options.html");
          settings.fill("#server-url", server.url());
          settings.fill("#api-token", VigieServer.ADMIN_TOKEN);
          settings.selectOption("#auto-capture", AUTO_CAPTURE);
          settings.click("#save");
          settings.waitForSelector("#status[data-state='ok']");
          settings.close();
        }
        context.route("https://x.com/**", route -> route.fulfill(new Route.FulfillOptions().setStatus(200)
            .setContentType("text/html; charset=utf-8").setBodyBytes(html)));
        Page page = context.newPage();
        CDPSession cdp = context.newCDPSession(page);
        cdp.send("Performance.enable");
        StringBuilder events = new StringBuilder();
        boolean[] traced = {false};
        if (trace != null) {
          cdp.on("Tracing.dataCollected", data -> data.getAsJsonArray("value").forEach(e -> events.append(e).append(",\n")));
          cdp.on("Tracing.tracingComplete", data -> traced[0] = true);
          JsonObject params = new JsonObject();
          params.addProperty("categories", TRACE_CATEGORIES);
          params.addProperty("transferMode", "ReportEvents");
          cdp.send("Tracing.start", params);
        }
        boolean profiled = PROFILE_DIR != null && server != null;
        if (profiled) {
          cdp.send("Profiler.enable");
          JsonObject interval = new JsonObject();
          interval.addProperty("interval", 200);
          cdp.send("Profiler.setSamplingInterval", interval);
          cdp.send("Profiler.start");
        }
        page.navigate("https://x.com/home?total=" + POSTS);
        Map<String, Double> start = metrics(cdp);
        page.waitForFunction("() => window.vigieBench && window.vigieBench.done", null,
            new Page.WaitForFunctionOptions().setTimeout(60_000));
        if (server != null) {
          page.waitForFunction("n => Object.keys(window.vigieBench.badged).length >= n", POSTS,
              new Page.WaitForFunctionOptions().setTimeout(60_000));
        }
        page.waitForTimeout(500); // let the last scans and paints settle in both browsers alike
        Map<String, Double> end = metrics(cdp);
        if (profiled) {
          JsonObject cpuProfile = cdp.send("Profiler.stop").getAsJsonObject("profile");
          Files.createDirectories(Path.of(PROFILE_DIR));
          Files.writeString(Path.of(PROFILE_DIR, PAGE.replace(".html", "") + "-" + System.nanoTime() + ".cpuprofile"),
              cpuProfile.toString());
        }
        if (trace != null) {
          cdp.send("Tracing.end");
          while (!traced[0]) {
            page.waitForTimeout(100);
          }
          Files.createDirectories(trace.getParent());
          Files.writeString(trace, "[" + events.substring(0, Math.max(0, events.length() - 2)) + "]");
        }
        List<Double> toBadge = new ArrayList<>();
        List<Double> toRisk = new ArrayList<>();
        if (server != null) {
          @SuppressWarnings("unchecked")
          Map<String, Map<String, Number>> times = (Map<String, Map<String, Number>>) page.evaluate(
              "() => ({ inserted: window.vigieBench.inserted, shown: window.vigieBench.shown, badged: window.vigieBench.badged })");
          times.get("inserted").forEach((id, at) -> {
            Number shown = times.get("shown").get(id);
            Number badged = times.get("badged").get(id);
            if (shown != null) {
              toBadge.add(shown.doubleValue() - at.doubleValue());
            }
            if (badged != null) {
              toRisk.add(badged.doubleValue() - at.doubleValue());
            }
          });
        }
        return new Run(end.get("TaskDuration") - start.get("TaskDuration"),
            end.get("ScriptDuration") - start.get("ScriptDuration"), end.get("JSHeapUsedSize") / 1e6, toBadge, toRisk);
      }
    }
  }

  private static String rounds(List<Run> runs) {
    return runs.stream().map(r -> String.format(Locale.ROOT, "%.2f", r.taskSeconds())).toList().toString();
  }

  private static Path traceFile(String side, int round) {
    return TRACE_DIR == null ? null : Path.of(TRACE_DIR, PAGE.replace(".html", "") + "-" + side + "-" + round + ".json");
  }

  private static Map<String, Double> metrics(CDPSession cdp) {
    JsonObject result = cdp.send("Performance.getMetrics");
    Map<String, Double> out = new java.util.HashMap<>();
    result.getAsJsonArray("metrics").forEach(m -> out.put(m.getAsJsonObject().get("name").getAsString(),
        m.getAsJsonObject().get("value").getAsDouble()));
    return out;
  }

  private static double median(List<Double> values) {
    return percentile(new ArrayList<>(values), 50);
  }

  private static double percentile(List<Double> values, double p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
