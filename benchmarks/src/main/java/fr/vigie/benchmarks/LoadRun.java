package fr.vigie.benchmarks;

import fr.vigie.classification.ClassifyRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Load run of POST /api/v1/classify next to POST /api/v1/echo on the same server, in the same run.
 *
 * <p>It starts nothing: give it the address of a running Vigie and an API token. Both endpoints get the identical
 * 50-post bodies (from the benchmark mix), the same number of connections, each thread sending back-to-back. After a
 * warm-up of each endpoint, the measurement alternates short slices in the order classify, echo, echo, classify, …
 * (ABBA) so that both see the same machine conditions. Everything is bounded by time and by a request cap.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar fr.vigie.benchmarks.LoadRun --url http://127.0.0.1:8080 --token TOKEN
 *   [--threads 8] [--batch 50] [--warmup 10] [--measure 20] [--slice 5]
 * </pre>
 * The token may also come from the environment variable VIGIE_TOKEN. Only loopback addresses are accepted.
 */
public final class LoadRun {

  private static final long MAX_REQUESTS_PER_PHASE = 5_000_000;
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  /** Totals of one endpoint over the measured slices. */
  static final class Tally {
    final String name;
    long requests;
    long errors;
    long responseBytes;
    long nanos;
    long[] latencies = new long[1 << 14];
    int latencyCount;
    final List<String> errorSamples = new ArrayList<>();

    Tally(String name) {
      this.name = name;
    }

    synchronized void add(Worker w, long sliceNanos) {
      requests += w.requests;
      errors += w.errors;
      responseBytes += w.responseBytes;
      if (latencyCount + w.latencyCount > latencies.length) {
        latencies = Arrays.copyOf(latencies, Math.max(latencies.length * 2, latencyCount + w.latencyCount));
      }
      System.arraycopy(w.latencies, 0, latencies, latencyCount, w.latencyCount);
      latencyCount += w.latencyCount;
      if (w.firstError != null && errorSamples.size() < 3) {
        errorSamples.add(w.firstError);
      }
    }

    double seconds() {
      return nanos / 1e9;
    }

    double percentileMillis(double p) {
      if (latencyCount == 0) {
        return Double.NaN;
      }
      long[] sorted = Arrays.copyOf(latencies, latencyCount);
      Arrays.sort(sorted);
      int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
  }

  /** One connection's loop for one phase. */
  static final class Worker {
    long requests;
    long errors;
    long responseBytes;
    long[] latencies = new long[1 << 12];
    int latencyCount;
    String firstError;
  }

  private final HttpClient http;
  private final URI base;
  private final String token;
  private final List<byte[]> bodies;
  private final int threads;
  private final ExecutorService pool;

  LoadRun(URI base, String token, List<byte[]> bodies, int threads) {
    this.base = base;
    this.token = token;
    this.bodies = bodies;
    this.threads = threads;
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "load");
      t.setDaemon(true);
      return t;
    });
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .executor(Executors.newFixedThreadPool(2, r -> {
          Thread t = new Thread(r, "http");
          t.setDaemon(true);
          return t;
        }))
        .build();
  }

  /** Runs {@code threads} back-to-back senders on {@code path} for {@code seconds}; adds to {@code into} if given. */
  void phase(String path, double seconds, Tally into) throws Exception {
    URI uri = base.resolve(path);
    long start = System.nanoTime();
    long deadline = start + (long) (seconds * 1e9);
    List<Future<Worker>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int offset = t * bodies.size() / threads;
      futures.add(pool.submit(() -> send(uri, offset, deadline)));
    }
    List<Worker> done = new ArrayList<>();
    for (Future<Worker> f : futures) {
      done.add(f.get(Math.round(seconds) + REQUEST_TIMEOUT.toSeconds() + 30, TimeUnit.SECONDS));
    }
    long elapsed = System.nanoTime() - start;
    if (into != null) {
      for (Worker w : done) {
        into.add(w, elapsed);
      }
      into.nanos += elapsed;
    }
  }

  /** One request of the first body; null when it answers 200, else what went wrong. */
  String preflight(String path) {
    Worker w = send(base.resolve(path), 0, Long.MAX_VALUE, 1);
    return w.errors == 0 ? null : w.firstError;
  }

  private Worker send(URI uri, int offset, long deadline) {
    return send(uri, offset, deadline, MAX_REQUESTS_PER_PHASE);
  }

  private Worker send(URI uri, int offset, long deadline, long maxRequests) {
    Worker w = new Worker();
    int i = offset;
    while (w.requests < maxRequests && System.nanoTime() < deadline) {
      byte[] body = bodies.get(i++ % bodies.size());
      HttpRequest request = HttpRequest.newBuilder(uri)
          .timeout(REQUEST_TIMEOUT)
          .header("Authorization", "Bearer " + token)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(body))
          .build();
      long t0 = System.nanoTime();
      try {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        long latency = System.nanoTime() - t0;
        w.requests++;
        w.responseBytes += response.body().length;
        if (response.statusCode() != 200) {
          w.errors++;
          if (w.firstError == null) {
            String text = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
            w.firstError = response.statusCode() + " " + text.substring(0, Math.min(200, text.length()));
          }
        }
        if (w.latencyCount == w.latencies.length) {
          w.latencies = Arrays.copyOf(w.latencies, w.latencies.length * 2);
        }
        w.latencies[w.latencyCount++] = latency;
      } catch (IOException e) {
        w.requests++;
        w.errors++;
        if (w.firstError == null) {
          w.firstError = e.toString();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return w;
  }

  public static void main(String[] args) throws Exception {
    String url = null;
    String token = System.getenv("VIGIE_TOKEN");
    int threads = 8;
    int batch = 50;
    double warmup = 10;
    double measure = 20;
    double slice = 5;
    for (int a = 0; a < args.length; a++) {
      String value = a + 1 < args.length ? args[a + 1] : null;
      switch (args[a]) {
        case "--url" -> url = value;
        case "--token" -> token = value;
        case "--threads" -> threads = Integer.parseInt(value);
        case "--batch" -> batch = Integer.parseInt(value);
        case "--warmup" -> warmup = Double.parseDouble(value);
        case "--measure" -> measure = Double.parseDouble(value);
        case "--slice" -> slice = Double.parseDouble(value);
        default -> usage("unknown argument " + args[a]);
      }
      a++;
    }
    if (url == null || token == null || token.isBlank()) {
      usage("--url and --token (or VIGIE_TOKEN) are required");
    }
    if (threads < 1 || threads > 64 || batch < 1 || batch > 100 || warmup < 0 || warmup > 300
        || measure <= 0 || measure > 600 || slice <= 0) {
      usage("out of range: threads 1-64, batch 1-100, warmup 0-300 s, measure 0-600 s");
    }
    URI base = URI.create(url.endsWith("/") ? url : url + "/");
    if (base.getHost() == null || !InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
      usage("only a server on this machine (127.0.0.1, localhost) may be loaded: " + url);
    }

    List<ClassifyRequest.Item> mix = Posts.mix();
    List<byte[]> bodies = Posts.batches(mix, batch, 64);
    double meanRequestBytes = bodies.stream().mapToInt(b -> b.length).average().orElse(0);
    LoadRun run = new LoadRun(base, token, bodies, threads);

    System.out.printf(Locale.ROOT, "Load run: %s, %d connections, %d posts per request (%d distinct bodies, mean %.0f bytes),%n",
        base, threads, batch, bodies.size(), meanRequestBytes);
    System.out.printf(Locale.ROOT, "  warm-up %.0f s per endpoint, then %.0f s per endpoint measured in %.0f s slices (ABBA).%n",
        warmup, measure, slice);
    System.out.printf(Locale.ROOT, "  client machine: %d processors visible to the JVM%n", Runtime.getRuntime().availableProcessors());

    String classifyPath = "api/v1/classify";
    String echoPath = "api/v1/echo";
    for (String path : List.of(classifyPath, echoPath)) {
      String problem = run.preflight(path);
      if (problem != null) {
        System.err.println("LoadRun: POST /" + path + " does not answer 200 before the run: " + problem);
        System.exit(3);
      }
    }
    if (warmup > 0) {
      run.phase(classifyPath, warmup / 2, null);
      run.phase(echoPath, warmup / 2, null);
      run.phase(classifyPath, warmup / 2, null);
      run.phase(echoPath, warmup / 2, null);
    }
    Tally classify = new Tally("classify");
    Tally echo = new Tally("echo");
    int slices = Math.max(1, (int) Math.round(measure / slice));
    double sliceSeconds = measure / slices;
    for (int s = 0; s < slices; s++) {
      boolean classifyFirst = s % 2 == 0; // C E | E C | C E | E C …
      run.phase(classifyFirst ? classifyPath : echoPath, sliceSeconds, classifyFirst ? classify : echo);
      run.phase(classifyFirst ? echoPath : classifyPath, sliceSeconds, classifyFirst ? echo : classify);
    }

    System.out.println();
    System.out.println("endpoint   requests  errors     req/s     posts/s   p50 ms   p99 ms   resp bytes/req");
    for (Tally t : List.of(classify, echo)) {
      double rps = (t.requests - t.errors) / t.seconds();
      System.out.printf(Locale.ROOT, "%-9s %9d %7d %9.1f %11.0f %8.2f %8.2f %12.0f%n",
          t.name, t.requests, t.errors, rps, rps * batch, t.percentileMillis(50), t.percentileMillis(99),
          t.requests == 0 ? 0.0 : (double) t.responseBytes / t.requests);
      for (String e : t.errorSamples) {
        System.out.println("  error sample (" + t.name + "): " + e);
      }
    }
    double classifyRps = (classify.requests - classify.errors) / classify.seconds();
    double echoRps = (echo.requests - echo.errors) / echo.seconds();
    double ratio = echoRps == 0 ? 0 : classifyRps / echoRps;
    System.out.printf(Locale.ROOT, "ratio classify/echo = %.3f (goal ≥ 0.5: %s)%n", ratio, ratio >= 0.5 ? "met" : "NOT met");
    System.out.printf(Locale.ROOT,
        "RESULT classify_rps=%.1f classify_posts_s=%.0f classify_p50_ms=%.2f classify_p99_ms=%.2f classify_errors=%d "
            + "echo_rps=%.1f echo_posts_s=%.0f echo_p50_ms=%.2f echo_p99_ms=%.2f echo_errors=%d ratio=%.3f%n",
        classifyRps, classifyRps * batch, classify.percentileMillis(50), classify.percentileMillis(99), classify.errors,
        echoRps, echoRps * batch, echo.percentileMillis(50), echo.percentileMillis(99), echo.errors, ratio);
    run.pool.shutdownNow();
    System.exit(classify.errors + echo.errors == 0 ? 0 : 3);
  }

  private static void usage(String problem) {
    System.err.println("LoadRun: " + problem);
    System.err.println("usage: java -cp benchmarks.jar fr.vigie.benchmarks.LoadRun --url http://127.0.0.1:PORT "
        + "--token TOKEN [--threads 8] [--batch 50] [--warmup 10] [--measure 20] [--slice 5]");
    System.exit(2);
  }
}
