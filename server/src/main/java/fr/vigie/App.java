package fr.vigie;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.vigie.account.AccountController;
import fr.vigie.account.AccountRepository;
import fr.vigie.account.AccountService;
import fr.vigie.canary.CanaryController;
import fr.vigie.canary.CanaryRepository;
import fr.vigie.canary.CanaryService;
import fr.vigie.capture.CaptureController;
import fr.vigie.capture.CaptureRepository;
import fr.vigie.capture.CaptureService;
import fr.vigie.capture.FilesystemFileStore;
import fr.vigie.classification.ClassificationController;
import fr.vigie.classification.Engine;
import fr.vigie.classification.Taxonomy;
import fr.vigie.classification.LexiconWatcher;
import fr.vigie.classification.lexicon.LexiconSource;
import fr.vigie.classification.Classifiers;
import fr.vigie.db.Database;
import fr.vigie.db.Ids;
import fr.vigie.response.ResponseWiring;
import fr.vigie.review.Pages;
import fr.vigie.review.ReviewController;
import fr.vigie.web.ApiAuth;
import fr.vigie.web.EchoController;
import fr.vigie.web.HealthController;
import fr.vigie.web.JsonInput;
import fr.vigie.web.RateLimits;
import fr.vigie.web.Routes;
import fr.vigie.web.Schemas;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Vigie, wired in one place: every dependency is built here, nothing is static. Start it with {@link #start()}. */
public final class App {

  private final Javalin javalin;
  private final Optional<AccountService.Bootstrap> bootstrap;
  private final Optional<LexiconWatcher> lexiconWatcher;

  public App(Config config) {
    this(config, Clock.systemUTC());
  }

  public App(Config config, Clock clock) {
    try {
      Files.createDirectories(config.dataDir());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create data folder " + config.dataDir(), e);
    }
    ObjectMapper mapper = new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .setSerializationInclusion(JsonInclude.Include.ALWAYS);
    Database database = new Database(config.dataDir().resolve("vigie.db"));
    Ids ids = new Ids(clock);
    RateLimits limits = new RateLimits(10, config.apiRequestsPerMinute());
    JsonInput json = new JsonInput(mapper, new Schemas());

    AccountService accounts = new AccountService(new AccountRepository(database.dsl()), ids, clock);
    this.bootstrap = accounts.bootstrap(config.adminPassword(), config.adminToken());
    CaptureService captures = new CaptureService(new CaptureRepository(database.dsl(), mapper),
        new FilesystemFileStore(config.dataDir().resolve("files")), json, ids, clock);
    Engine classifier;
    if (config.lexiconDir().isPresent()) {
      LexiconSource folder = new LexiconSource.Folder(config.lexiconDir().get());
      classifier = Classifiers.fromFolder(config.lexiconDir().get(), mapper);
      this.lexiconWatcher = Optional.of(new LexiconWatcher(folder, Classifiers.loader(mapper), classifier, Duration.ofSeconds(2)));
    } else {
      classifier = Classifiers.standard(mapper);
      this.lexiconWatcher = Optional.empty();
    }

    CanaryService canary = new CanaryService(new CanaryRepository(database.dsl()), ids, clock);
    ResponseWiring responses = new ResponseWiring(database, mapper, json, ids, clock, accounts);
    Routes routes = new Routes(
        new ApiAuth(accounts, limits),
        new HealthController(database),
        new AccountController(),
        new ClassificationController(json, classifier),
        new EchoController(json),
        new CaptureController(captures),
        new CanaryController(json, canary),
        responses.api(),
        new ReviewController(accounts, captures, canary, limits, new Pages()),
        responses.pages());

    this.javalin = Javalin.create(cfg -> {
      cfg.jetty.port = config.port();
      cfg.jsonMapper(new JavalinJackson(mapper, false));
      cfg.http.maxRequestSize = 16L * 1024 * 1024;
      cfg.jetty.multipartConfig.maxFileSize(20, SizeUnit.MB);
      cfg.jetty.multipartConfig.maxTotalRequestSize(22, SizeUnit.MB);
      cfg.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
      cfg.jetty.multipartConfig.cacheDirectory(config.dataDir().resolve("files").resolve("tmp").toString());
      cfg.startup.showJavalinBanner = false;
      routes.register(cfg);
    });
  }

  /** The unstarted server. */
  public Javalin javalin() {
    return javalin;
  }

  /** What the first start created (the admin and, when generated, its password), to print once. */
  public Optional<AccountService.Bootstrap> bootstrap() {
    return bootstrap;
  }

  public App start() {
    javalin.start();
    return this;
  }

  public int port() {
    return javalin.port();
  }

  public void stop() {
    javalin.stop();
    lexiconWatcher.ifPresent(LexiconWatcher::close);
  }
}
