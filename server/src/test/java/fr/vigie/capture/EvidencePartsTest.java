package fr.vigie.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.Bundle;
import fr.vigie.Fixtures;
import fr.vigie.Multipart;
import fr.vigie.Store;
import fr.vigie.ServerTest;
import fr.vigie.TestServer;
import fr.vigie.web.Schemas;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** POST /api/v1/captures with every evidence part: what is kept, and every way a part is refused with nothing kept. */
class EvidencePartsTest extends ServerTest {

  final Schemas schemas = new Schemas();

  HttpResponse<String> upload(Bundle bundle) {
    return server.upload(UUID.randomUUID().toString(), bundle.multipart());
  }

  @Test
  void full_bundle_is_stored_with_every_file_and_each_file_is_served_as_sent() throws IOException {
    Bundle bundle = Bundle.full();
    HttpResponse<String> r = upload(bundle);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode capture = TestServer.json(r);
    assertThat(schemas.violations("capture", capture)).isEmpty();
    assertThat(capture.get("files").findValuesAsText("role"))
        .containsExactly("screenshot", "viewport", "html", "mhtml", "manifest");
    assertThat(capture.get("sequence").asLong()).isEqualTo(1);
    assertThat(capture.get("previousManifestSha256").isNull()).isTrue();
    assertThat(capture.get("automatic").asBoolean()).isTrue();
    assertThat(capture.at("/timestamp/status").asText()).isEqualTo("none");
    assertThat(capture.get("metadata")).isEqualTo(bundle.metadata());

    String id = capture.get("id").asText();
    for (String role : new String[] {"screenshot", "viewport", "html", "mhtml"}) {
      assertThat(stored(id, role)).as(role).isEqualTo(bundle.part(role));
    }
    BufferedImage post = ImageIO.read(new ByteArrayInputStream(stored(id, "screenshot")));
    assertThat(post.getWidth()).isEqualTo(capture.at("/files/0/width").asInt()).isEqualTo(598);
    assertThat(post.getHeight()).isEqualTo(capture.at("/files/0/height").asInt()).isEqualTo(212);
    BufferedImage viewport = ImageIO.read(new ByteArrayInputStream(stored(id, "viewport")));
    assertThat(viewport.getWidth()).isEqualTo(capture.at("/files/1/width").asInt()).isEqualTo(1280);
    assertThat(viewport.getHeight()).isEqualTo(capture.at("/files/1/height").asInt()).isEqualTo(800);
  }

  private byte[] stored(String id, String role) {
    HttpResponse<byte[]> file = server.sendForBytes(server.request("/api/v1/captures/" + id + "/files/" + role).GET().build());
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    return file.body();
  }

  @Test
  void captured_html_and_mhtml_are_only_ever_downloads_and_images_are_inline() {
    String id = TestServer.json(upload(Bundle.full())).get("id").asText();
    for (String role : new String[] {"html", "mhtml"}) {
      HttpResponse<String> r = server.get("/api/v1/captures/" + id + "/files/" + role);
      assertThat(r.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment;");
      assertThat(r.headers().firstValue("Content-Security-Policy").orElse("")).contains("sandbox");
    }
    HttpResponse<String> html = server.get("/api/v1/captures/" + id + "/files/html");
    assertThat(html.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    HttpResponse<String> viewport = server.get("/api/v1/captures/" + id + "/files/viewport");
    assertThat(viewport.headers().firstValue("Content-Disposition").orElse("")).startsWith("inline;");
    assertThat(viewport.headers().firstValue("Content-Type")).hasValue("image/png");
  }

  @Test
  void unknown_file_role_and_absent_file_are_404() {
    String id = TestServer.json(upload(Bundle.minimal())).get("id").asText();
    assertThat(server.get("/api/v1/captures/" + id + "/files/secrets").statusCode()).isEqualTo(404);
    HttpResponse<String> r = server.get("/api/v1/captures/" + id + "/files/mhtml");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(TestServer.json(r).get("message").asText()).contains("mhtml");
  }

  @ParameterizedTest
  @ValueSource(strings = {"viewport", "html", "mhtml"})
  void declared_part_that_is_absent_is_refused_by_name(String part) {
    assertRefused(upload(Bundle.full().withoutPart(part)), 400, "missing_part", part);
  }

  @ParameterizedTest
  @ValueSource(strings = {"viewport", "html", "mhtml"})
  void part_sent_without_its_declared_hash_is_refused_by_name(String part) {
    assertRefused(upload(Bundle.full().undeclared(part)), 400, "undeclared_part", part + "Sha256");
  }

  @ParameterizedTest
  @ValueSource(strings = {"screenshot", "viewport", "html", "mhtml"})
  void part_whose_bytes_do_not_match_the_declared_hash_is_refused_by_name(String part) {
    Bundle full = Bundle.full();
    byte[] other = part.equals("html") ? "<p>autre</p>".getBytes(StandardCharsets.UTF_8)
        : part.equals("mhtml") ? Bundle.mhtml("<p>autre</p>") : Fixtures.png(33, 33);
    assertRefused(upload(full.withBytesOnly(part, other)), 400, "hash_mismatch", "« " + part + " »");
  }

  @Test
  void viewport_that_is_not_a_png_is_refused() {
    assertRefused(upload(Bundle.full().with("viewport", "GIF89a not a png".getBytes(StandardCharsets.US_ASCII))),
        400, "not_png", "viewport");
  }

  @Test
  void truncated_viewport_png_is_refused() {
    byte[] png = Fixtures.png(300, 200);
    assertRefused(upload(Bundle.full().with("viewport", Arrays.copyOf(png, png.length - 20))), 400, "invalid_png", "viewport");
  }

  @Test
  void viewport_declaring_100000_by_100000_pixels_is_refused_without_decoding() {
    assertRefused(upload(Bundle.full().with("viewport", CaptureApiTest.pngHeaderOnly(100_000, 100_000))), 400,
        "png_dimensions", "100000 × 100000");
  }

  @Test
  void html_that_is_not_utf8_is_refused() {
    byte[] latin1 = "<p>élan</p>".getBytes(StandardCharsets.ISO_8859_1);
    assertRefused(upload(Bundle.full().with("html", latin1)), 400, "invalid_encoding", "html");
  }

  @Test
  void mhtml_that_does_not_start_like_a_mime_document_is_refused() {
    assertRefused(upload(Bundle.full().with("mhtml", "<html><body>pas un MHTML</body></html>".getBytes(StandardCharsets.UTF_8))),
        400, "invalid_mhtml", "mhtml");
    byte[] noMultipart = "MIME-Version: 1.0\r\nContent-Type: text/html\r\n\r\n<html></html>".getBytes(StandardCharsets.US_ASCII);
    assertRefused(upload(Bundle.full().with("mhtml", noMultipart)), 400, "invalid_mhtml", "multipart/related");
  }

  @Test
  void html_over_5_mib_is_413_naming_the_part() {
    byte[] big = new byte[5 * 1024 * 1024 + 1];
    Arrays.fill(big, (byte) 'a');
    assertRefused(upload(Bundle.full().with("html", big)), 413, "payload_too_large", "html");
  }

  @Test
  void mhtml_over_60_mib_is_413_naming_the_part() {
    byte[] head = Bundle.mhtml("x");
    byte[] big = Arrays.copyOf(head, 60 * 1024 * 1024 + 1);
    Arrays.fill(big, head.length, big.length, (byte) 'a');
    assertRefused(upload(Bundle.full().with("mhtml", big)), 413, "payload_too_large", "mhtml");
  }

  @Test
  void realistic_mhtml_of_several_mebibytes_fits() throws IOException {
    byte[] head = Bundle.mhtml("x");
    byte[] page = Arrays.copyOf(head, 12 * 1024 * 1024);
    Arrays.fill(page, head.length, page.length, (byte) 'a');
    HttpResponse<String> r = upload(Bundle.full().with("mhtml", page));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(TestServer.json(r).at("/files/3/bytes").asLong()).isEqualTo(page.length);
    try (var staged = java.nio.file.Files.list(data.resolve("files").resolve("tmp"))) {
      assertThat(staged.filter(p -> p.toString().endsWith(".part"))).as("staging area emptied").isEmpty();
    }
  }

  @Test
  void unknown_part_is_refused_by_name() {
    Multipart parts = Bundle.full().multipart().file("cookies", "c.txt", "text/plain", "session=1".getBytes());
    assertRefused(server.upload(UUID.randomUUID().toString(), parts), 400, "unknown_part", "cookies");
  }

  @Test
  void part_sent_twice_is_refused_by_name() {
    Multipart parts = Bundle.minimal().multipart().file("screenshot", "s.png", "image/png", Fixtures.png(5, 5));
    assertRefused(server.upload(UUID.randomUUID().toString(), parts), 400, "duplicate_part", "screenshot");
  }

  @Test
  void metadata_text_with_half_a_surrogate_pair_is_refused_as_the_manifest_cannot_hold_it() {
    Bundle bundle = Bundle.minimal();
    String metadata = bundle.metadata().toString().replace("\"text\":\"", "\"text\":\"\\ud83d ");
    Multipart parts = new Multipart().file("metadata", "blob", "application/json", metadata.getBytes(StandardCharsets.UTF_8))
        .file("screenshot", "s.png", "image/png", bundle.part("screenshot"));
    HttpResponse<String> r = server.upload(UUID.randomUUID().toString(), parts);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(TestServer.json(r).get("code").asText()).isEqualTo("invalid_value");
    assertThat(TestServer.json(r).get("message").asText()).contains("metadata");
    assertThat(Store.rows(data)).isZero();
    assertThat(Store.files(data)).isZero();
  }

  @Test
  void empty_part_is_refused_by_name() {
    assertRefused(upload(Bundle.full().with("html", new byte[0])), 400, "empty_part", "html");
  }

  @Test
  void refusal_after_a_good_capture_leaves_that_capture_untouched() {
    HttpResponse<String> first = upload(Bundle.full());
    assertThat(first.statusCode()).isEqualTo(201);
    long rows = Store.rows(data);
    long files = Store.files(data);
    HttpResponse<String> bad = upload(Bundle.full().post("999").withBytesOnly("viewport", Fixtures.png(9, 9)));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(Store.rows(data)).isEqualTo(rows);
    assertThat(Store.files(data)).isEqualTo(files);
    String id = TestServer.json(first).get("id").asText();
    assertThat(TestServer.json(server.get("/api/v1/captures/" + id + "/verify")).get("ok").asBoolean()).isTrue();
  }

  private void assertRefused(HttpResponse<String> r, int status, String code, String named) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    JsonNode body = TestServer.json(r);
    assertThat(schemas.violations("error", body)).as(r.body()).isEmpty();
    assertThat(body.get("code").asText()).isEqualTo(code);
    assertThat(body.get("message").asText()).as("the French message names the problem").contains(named);
    assertThat(body.get("messageEn").asText()).isNotBlank();
    assertThat(Store.rows(data)).as("no capture or file row").isZero();
    assertThat(Store.files(data)).as("no evidence file").isZero();
  }
}
