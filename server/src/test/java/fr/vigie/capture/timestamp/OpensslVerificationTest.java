package fr.vigie.capture.timestamp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Assumptions;

/** A lawyer holds the token and the authority's certificate, not Vigie: openssl alone must accept the token. */
class OpensslVerificationTest {

  @BeforeAll
  static void opensslIsInstalled() {
    Assumptions.assumeTrue(runs(List.of("openssl", "version")), "openssl absent du PATH");
  }

  @Test
  void openssl_verifies_the_stored_token_against_the_authoritys_certificate(@TempDir Path dir) throws Exception {
    byte[] digest = RfcTimestamperTest.sha256("manifeste pour l'avocate");
    try (LocalTsa tsa = new LocalTsa()) {
      byte[] token = new RfcTimestamper(tsa.url(), Duration.ofSeconds(5)).stamp(digest).token();
      Files.write(dir.resolve("token.tsr"), token);
      tsa.writeCertificatePem(dir.resolve("tsa.pem"));
    }

    String ok = verify(dir, HexFormat.of().formatHex(digest));
    byte[] other = digest.clone();
    other[31] ^= 1;
    String wrongDigest = verify(dir, HexFormat.of().formatHex(other));

    assertThat(ok).contains("Verification: OK");
    assertThat(wrongDigest).doesNotContain("Verification: OK").contains("FAILED");
  }

  private static String verify(Path dir, String hexDigest) throws IOException, InterruptedException {
    Process process = new ProcessBuilder("openssl", "ts", "-verify", "-digest", hexDigest,
        "-in", "token.tsr", "-CAfile", "tsa.pem")
        .directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return output;
  }

  private static boolean runs(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
