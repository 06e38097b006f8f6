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
import fr.vigie.capture.CaptureIntake;
import fr.vigie.capture.CaptureRepository;
import fr.vigie.capture.CaptureService;
import fr.vigie.capture.CaptureVerifier;
import fr.vigie.capture.CaptureWrites;
import fr.vigie.capture.Chain;
import fr.vigie.capture.ChainBackfill;
import fr.vigie.capture.EvidenceController;
import fr.vigie.capture.EvidenceExport;
import fr.vigie.capture.FileStore;
import fr.vigie.capture.FilesystemFileStore;
import fr.vigie.capture.Timestamps;
import fr.vigie.capture.timestamp.RfcTimestamper;
import fr.vigie.capture.timestamp.Timestamper;
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
import java.util.function.Function;

/** Vigie, wired in one place: every dependency is built here, nothing is static. Start it with {@link #start()}. */
public final class App {

  private static final Duration TSA_RETRY_EVERY = Duration.ofSeconds(30);

  private final Javalin javalin;
  private final Optional<AccountService.Bootstrap> bootstrap;
  private final Optional<LexiconWatcher> lexiconWatcher;
  private final Timestamps timestamps;

  public App(Config config) {
    this(config, Clock.systemUTC(), App::rfc3161);
  }

  /** @param timestampers builds the authority client for VIGIE_TSA_URL (tests give one over a local endpoint) */
  public App(Config config, Clock clock, Function<String, Timestamper> timestampers) {
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
    FileStore files = new FilesystemFileStore(config.dataDir().resolve("files"));
    CaptureRepository captureReads = new CaptureRepository(database.dsl(), mapper);
    CaptureWrites captureWrites = new CaptureWrites(database.dsl(), mapper);
    Chain chain = new Chain(captureReads, captureWrites, files);
    new ChainBackfill(captureReads, chain).run();
    Optional<Timestamper> timestamper = config.tsaUrl().map(timestampers);
    this.timestamps = new Timestamps(timestamper, captureReads, captureWrites, files, clock);
    CaptureIntake intake = new CaptureIntake(captureReads, chain, files, timestamps, json, ids, clock);
    CaptureService captures = new CaptureService(captureReads, captureWrites, files,
        new CaptureVerifier(captureReads, files, clock), clock);
    EvidenceExport export = new EvidenceExport(files);
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
        new CaptureController(intake, captures),
        new EvidenceController(captures, export, json),
        new CanaryController(json, canary),
        responses.api(),
        new ReviewController(accounts, captures, export, canary, responses.interventions(), limits, new Pages()),
        responses.pages());

    this.javalin = Javalin.create(cfg -> {
      cfg.jetty.port = config.port();
      cfg.jsonMapper(new JavalinJackson(mapper, false));
      cfg.http.maxRequestSize = 16L * 1024 * 1024;
      // Above the largest part (mhtml, 60 MiB) so that the intake, not Jetty, refuses an oversized part by name.
      cfg.jetty.multipartConfig.maxFileSize(64, SizeUnit.MB);
      cfg.jetty.multipartConfig.maxTotalRequestSize(112, SizeUnit.MB);
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
    timestamps.start(TSA_RETRY_EVERY);
    return this;
  }

  /** The trusted-timestamp side of the captures (tests run a retry round by hand). */
  public Timestamps timestamps() {
    return timestamps;
  }

  public int port() {
    return javalin.port();
  }

  public void stop() {
    timestamps.close();
    javalin.stop();
    lexiconWatcher.ifPresent(LexiconWatcher::close);
  }

  private static Timestamper rfc3161(String url) {
    // An upload waits on the authority 10 s at most; after a failure, uploads stop waiting for 30 s and the
    // background task retries.
    return new RfcTimestamper(url, Duration.ofSeconds(10));
  }
}
