package fr.vigie.capture;

import fr.vigie.capture.timestamp.Timestamper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RFC 3161 tokens over manifest hashes, asked for after the capture is committed: a capture is never refused or lost
 * because the authority is down. A failure is recorded (status failed, French message) and retried in the background,
 * as is any committed capture without a token (a crash between commit and stamp, captures from before VIGIE_TSA_URL).
 */
public final class Timestamps implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Timestamps.class);
  /** After a failure, uploads do not wait on the authority again for this long; the background task retries. */
  private static final Duration QUIET_AFTER_FAILURE = Duration.ofSeconds(30);
  private static final int RETRY_BATCH = 20;

  private final Optional<Timestamper> timestamper;
  private final CaptureRepository reads;
  private final CaptureWrites writes;
  private final FileStore files;
  private final Clock clock;
  private final AtomicReference<Instant> lastFailure = new AtomicReference<>(Instant.MIN);
  private ScheduledExecutorService retries;

  public Timestamps(Optional<Timestamper> timestamper, CaptureRepository reads, CaptureWrites writes, FileStore files,
      Clock clock) {
    this.timestamper = timestamper;
    this.reads = reads;
    this.writes = writes;
    this.files = files;
    this.clock = clock;
  }

  /** Stamps a capture just committed; gives it back as stored after the attempt (unchanged without an authority). */
  Capture afterCommit(Capture capture) {
    if (timestamper.isEmpty()) {
      return capture;
    }
    if (lastFailure.get().plus(QUIET_AFTER_FAILURE).isAfter(clock.instant())) {
      writes.stampFailed(capture.id(), timestamper.get().authority(),
          "L'autorité d'horodatage n'a pas répondu il y a moins de " + QUIET_AFTER_FAILURE.toSeconds()
              + " s ; nouvel essai automatique en arrière-plan.");
    } else {
      stamp(capture);
    }
    return reads.byId(capture.id()).orElseThrow();
  }

  /** One background round: stamps up to a batch of captures that have no token; how many got one. */
  public int retryPending() {
    if (timestamper.isEmpty()) {
      return 0;
    }
    int stamped = 0;
    for (Capture capture : reads.unstamped(RETRY_BATCH)) {
      if (!stamp(capture)) {
        break;
      }
      stamped++;
    }
    return stamped;
  }

  /** Starts the background retries (only when an authority is configured). */
  public void start(Duration every) {
    if (timestamper.isEmpty()) {
      return;
    }
    retries = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "vigie-timestamp-retry");
      t.setDaemon(true);
      return t;
    });
    retries.scheduleWithFixedDelay(() -> {
      try {
        retryPending();
      } catch (RuntimeException e) {
        LOG.warn("Timestamp retry round failed", e);
      }
    }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    if (retries != null) {
      retries.shutdownNow();
    }
  }

  private boolean stamp(Capture capture) {
    Timestamper tsa = timestamper.orElseThrow();
    try {
      Timestamper.Stamp stamp = tsa.stamp(Sha256.bytes(capture.manifestSha256()));
      String sha = files.put(stamp.token());
      StoredFile token = StoredFile.of(capture.id(), FileRole.TIMESTAMP, sha, stamp.token().length, null, null);
      writes.stamped(capture.id(), token, stamp.genTime(), tsa.authority());
      return true;
    } catch (Timestamper.TimestampException e) {
      lastFailure.set(clock.instant());
      writes.stampFailed(capture.id(), tsa.authority(), e.getMessage());
      return false;
    } catch (RuntimeException e) {
      LOG.error("Unexpected error while timestamping capture {}", capture.id(), e);
      lastFailure.set(clock.instant());
      writes.stampFailed(capture.id(), tsa.authority(),
          "Erreur inattendue pendant l'horodatage (journalisée) ; nouvel essai automatique en arrière-plan.");
      return false;
    }
  }
}
