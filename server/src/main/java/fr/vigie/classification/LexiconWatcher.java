package fr.vigie.classification;

import fr.vigie.classification.lexicon.LexiconLoader;
import fr.vigie.classification.lexicon.LexiconSource;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the lexicon folder when a file in it changes. A lexicon with an error is refused and logged with its file
 * and line; the engine keeps the last good one, so a typo never stops detection.
 */
public final class LexiconWatcher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LexiconWatcher.class);
  private final LexiconSource source;
  private final LexiconLoader loader;
  private final Engine engine;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "vigie-lexicon-watcher");
    t.setDaemon(true);
    return t;
  });
  private long seen;

  public LexiconWatcher(LexiconSource source, LexiconLoader loader, Engine engine, Duration every) {
    this.source = source;
    this.loader = loader;
    this.engine = engine;
    this.seen = source.version();
    long ms = every.toMillis();
    timer.scheduleWithFixedDelay(this::poll, ms, ms, TimeUnit.MILLISECONDS);
  }

  /** Checks once for a change; public for tests that do not want to wait. */
  public synchronized boolean poll() {
    long version = source.version();
    if (version == seen) {
      return false;
    }
    seen = version;
    try {
      engine.replace(loader.load(source));
      LOG.info("Lexiques rechargés depuis {}", source.describe());
      return true;
    } catch (RuntimeException e) {
      LOG.error("Lexiques refusés, les précédents restent actifs : {}", e.getMessage());
      return false;
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
