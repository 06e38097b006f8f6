package fr.vigie;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Vigie as a separate process (fr.vigie.Main on the test JVM's class path), so a test can SIGKILL it and restart it. */
public final class ServerProcess implements AutoCloseable {

  private final Path data;
  private final Path log;
  private final int port;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
  private Process process;

  public ServerProcess(Path data, Path log) {
    this.data = data;
    this.log = log;
    this.port = freePort();
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** Starts the process and waits until it answers its health check. */
  public void start() throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
        "-cp", System.getProperty("java.class.path"), "fr.vigie.Main"));
    builder.environment().put("VIGIE_PORT", String.valueOf(port));
    builder.environment().put("VIGIE_DATA_DIR", data.toString());
    builder.environment().put("VIGIE_ADMIN_TOKEN", TestServer.ADMIN_TOKEN);
    builder.environment().put("VIGIE_ADMIN_PASSWORD", TestServer.ADMIN_PASSWORD);
    builder.environment().put("VIGIE_API_RATE_PER_MINUTE", "1000000");
    builder.environment().remove("VIGIE_TSA_URL");
    builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    process = builder.start();
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Vigie exited with " + process.exitValue() + "; see " + log);
      }
      try {
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(uri("/api/v1/health")).timeout(Duration.ofSeconds(1)).build(),
            HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("Vigie did not answer within 60 s; see " + log);
  }

  /** SIGKILL: no shutdown hook, no flush, no goodbye. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      process.waitFor();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The log, for a failure message. */
  public File log() {
    return log.toFile();
  }
}
