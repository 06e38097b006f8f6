package fr.vigie.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Debian's Chromium, headless, with the unpacked Vigie extension loaded in a fresh profile. */
final class ExtensionBrowser implements AutoCloseable {

  /** Fixed by the "key" in manifest.json. */
  static final String EXTENSION_ID = "edidkidbaobbdpdngaioniofhpehpfnc";
  static final Path EXTENSION_DIR = Path.of(System.getProperty("vigie.extension.dir", "../extension/src")).toAbsolutePath().normalize();
  static final Path FIXTURES = Path.of(System.getProperty("vigie.fixtures.dir", "../extension/test/fixtures")).toAbsolutePath().normalize();

  private final Playwright playwright;
  private final BrowserContext context;
  final List<String> consoleErrors = new CopyOnWriteArrayList<>();

  ExtensionBrowser() {
    this(newProfile());
  }

  /** Chromium on {@code profile}: the same profile again is the same browser after a restart (storage, IndexedDB). */
  ExtensionBrowser(Path profile) {
    if (!Files.isRegularFile(EXTENSION_DIR.resolve("shared").resolve("taxonomy.json"))) {
      throw new IllegalStateException(EXTENSION_DIR + "/shared/taxonomy.json is missing: build the extension module first");
    }
    playwright = Playwright.create();
    context = playwright.chromium().launchPersistentContext(profile, new BrowserType.LaunchPersistentContextOptions()
        .setExecutablePath(Path.of(System.getProperty("vigie.chromium", "/usr/bin/chromium")))
        .setHeadless(true)
        .setViewportSize(1280, 900)
        .setIgnoreDefaultArgs(List.of("--disable-extensions"))
        .setArgs(List.of(
            "--no-sandbox",
            "--disable-extensions-except=" + EXTENSION_DIR,
            "--load-extension=" + EXTENSION_DIR,
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run")));
    context.onConsoleMessage(m -> {
      if (m.type().equals("error")) {
        consoleErrors.add(m.text());
      }
    });
  }

  static Path newProfile() {
    try {
      return Files.createTempDirectory("vigie-e2e-profile");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  BrowserContext context() {
    return context;
  }

  /** Answers requests to {@code urlGlob} with a fixture page, as if the platform had served it. */
  void serveFixture(String urlGlob, String fixture) {
    Path file = FIXTURES.resolve(fixture);
    context.route(urlGlob, route -> fulfill(route, file));
  }

  private static void fulfill(Route route, Path file) {
    String url = route.request().url();
    if (route.request().resourceType().equals("document")) {
      try {
        route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("text/html; charset=utf-8")
            .setBodyBytes(Files.readAllBytes(file)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else {
      // Images and scripts the saved page points to are not part of the fixture: answer empty, never the network.
      route.fulfill(new Route.FulfillOptions().setStatus(404).setBody(""));
    }
  }

  /** Opens the options page and connects the extension to the server with the token. */
  Page configure(String serverUrl, String token) {
    Page options = context.newPage();
    options.navigate("chrome-extension://" + EXTENSION_ID + "/options.html");
    options.fill("#server-url", serverUrl);
    options.fill("#api-token", token);
    options.click("#save");
    options.waitForSelector("#status[data-state='ok']");
    return options;
  }

  @Override
  public void close() {
    context.close();
    playwright.close();
  }
}
