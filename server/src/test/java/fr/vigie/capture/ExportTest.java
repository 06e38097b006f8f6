package fr.vigie.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.Bundle;
import fr.vigie.Store;
import fr.vigie.ServerTest;
import fr.vigie.TestServer;
import fr.vigie.account.Secrets;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /api/v1/captures/{id}/export: a ZIP checked here the way a lawyer would, without Vigie. */
class ExportTest extends ServerTest {

  @TempDir Path unzipped;

  JsonNode store(Bundle bundle) {
    return TestServer.json(server.upload(UUID.randomUUID().toString(), bundle.multipart()));
  }

  Map<String, byte[]> export(String id) throws IOException {
    HttpResponse<byte[]> r = server.sendForBytes(server.request("/api/v1/captures/" + id + "/export").GET().build());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/zip");
    assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains("attachment").contains(id);
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(r.body()))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        byte[] bytes = zip.readAllBytes();
        entries.put(e.getName(), bytes);
        Files.write(unzipped.resolve(e.getName()), bytes);
      }
    }
    return entries;
  }

  @Test
  void zip_holds_the_canonical_manifest_every_file_by_role_and_checksums_that_match_the_bytes() throws IOException {
    Bundle bundle = Bundle.full();
    JsonNode capture = store(bundle);
    Map<String, byte[]> zip = export(capture.get("id").asText());
    assertThat(zip.keySet()).containsExactlyInAnyOrder("screenshot.png", "viewport.png", "html.html", "mhtml.mhtml",
        "manifest.json", "SHA256SUMS", "LISEZMOI.txt");
    assertThat(zip.get("screenshot.png")).isEqualTo(bundle.part("screenshot"));
    assertThat(zip.get("mhtml.mhtml")).isEqualTo(bundle.part("mhtml"));
    assertThat(Secrets.sha256Hex(zip.get("manifest.json"))).isEqualTo(capture.get("manifestSha256").asText());

    String[] lines = new String(zip.get("SHA256SUMS"), StandardCharsets.UTF_8).split("\n");
    assertThat(lines).hasSize(5);
    for (String line : lines) {
      assertThat(line).matches("[0-9a-f]{64}  [a-z]+\\.[a-z]+");
      String name = line.substring(66);
      assertThat(Secrets.sha256Hex(zip.get(name))).as(name).isEqualTo(line.substring(0, 64));
    }

    String readMe = new String(zip.get("LISEZMOI.txt"), StandardCharsets.UTF_8);
    assertThat(readMe.indexOf("Vérifier sans Vigie")).isPositive().isLessThan(readMe.indexOf("Checking without Vigie"));
    assertThat(readMe).contains("sha256sum -c SHA256SUMS").contains("sha256sum manifest.json")
        .contains(capture.get("manifestSha256").asText()).contains("previousManifestSha256")
        .contains("openssl ts -verify -digest " + capture.get("manifestSha256").asText() + " -in timestamp.tsr -CAfile");
  }

  @Test
  void sha256sum_accepts_the_bundle_and_rejects_it_once_a_stored_byte_changed() throws Exception {
    assumeTrue(onPath("sha256sum"), "sha256sum is not installed");
    JsonNode capture = store(Bundle.full());
    String id = capture.get("id").asText();
    export(id);
    Process ok = new ProcessBuilder("sha256sum", "-c", "SHA256SUMS").directory(unzipped.toFile()).redirectErrorStream(true).start();
    String out = new String(ok.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(ok.waitFor()).as(out).isZero();
    assertThat(out.lines().count()).isEqualTo(5);

    Store.flipOneByte(data, capture.at("/files/2/sha256").asText());
    export(id);
    Process tampered = new ProcessBuilder("sha256sum", "-c", "SHA256SUMS").directory(unzipped.toFile()).redirectErrorStream(true).start();
    String report = new String(tampered.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(tampered.waitFor()).isNotZero();
    assertThat(report.lines().filter(l -> l.startsWith("html.html")).findFirst().orElse("")).doesNotEndWith("OK");
  }

  @Test
  void export_of_a_capture_whose_file_is_gone_is_refused_before_any_byte() throws IOException {
    JsonNode capture = store(Bundle.minimal());
    Files.delete(Store.file(data, capture.at("/screenshot/sha256").asText()));
    HttpResponse<String> r = server.get("/api/v1/captures/" + capture.get("id").asText() + "/export");
    assertThat(r.statusCode()).isEqualTo(409);
    assertThat(TestServer.json(r).get("message").asText()).contains("screenshot");
  }

  private static boolean onPath(String command) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }
}
