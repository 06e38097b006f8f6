package fr.vigie.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.vigie.Fixtures;
import fr.vigie.Multipart;
import fr.vigie.Store;
import fr.vigie.ServerTest;
import fr.vigie.TestServer;
import fr.vigie.web.Schemas;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.UUID;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class CaptureApiTest extends ServerTest {

  final Schemas schemas = new Schemas();

  HttpResponse<String> upload(String key, Multipart parts) {
    return server.upload(key, parts);
  }

  static Multipart capture(ObjectNode metadata, byte[] png) {
    return new Multipart().file("metadata", "blob", "application/json", metadata.toString().getBytes())
        .file("screenshot", "screenshot.png", "image/png", png);
  }

  @Test
  void capture_is_stored_with_its_metadata_and_exact_screenshot_bytes() {
    byte[] png = Fixtures.png(598, 212);
    HttpResponse<String> created = upload(UUID.randomUUID().toString(), capture(Fixtures.metadataFor(png), png));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode body = TestServer.json(created);
    assertThat(schemas.violations("capture", body)).isEmpty();
    assertThat(body.at("/metadata/author/handle").asText()).isEqualTo("@lucie_m");
    assertThat(body.at("/screenshot/width").asInt()).isEqualTo(598);
    assertThat(body.at("/screenshot/height").asInt()).isEqualTo(212);
    assertThat(body.get("risk").asText()).isEqualTo("critical");
    assertThat(body.get("capturedBy").asText()).isEqualTo("admin");

    String id = body.get("id").asText();
    JsonNode fetched = TestServer.json(server.get("/api/v1/captures/" + id));
    assertThat(fetched).isEqualTo(body);
    HttpResponse<byte[]> shot = server.sendForBytes(server.request("/api/v1/captures/" + id + "/screenshot").GET().build());
    assertThat(shot.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(shot.body()).isEqualTo(png);
  }

  @Test
  void capture_with_same_idempotency_key_is_stored_once() {
    byte[] png = Fixtures.png(100, 50);
    String key = UUID.randomUUID().toString();
    HttpResponse<String> first = upload(key, capture(Fixtures.metadataFor(png), png));
    HttpResponse<String> second = upload(key, capture(Fixtures.metadataFor(png), png));
    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(TestServer.json(second).get("id")).isEqualTo(TestServer.json(first).get("id"));
    assertThat(TestServer.json(server.get("/api/v1/captures")).get("items")).hasSize(1);
  }

  @Test
  void list_is_newest_first_and_matches_its_schema() {
    for (String postId : new String[] {"111", "222", "333"}) {
      byte[] png = Fixtures.png(40, 20);
      ObjectNode metadata = Fixtures.metadataFor(png).put("postId", postId);
      assertThat(upload(UUID.randomUUID().toString(), capture(metadata, png)).statusCode()).isEqualTo(201);
    }
    JsonNode list = TestServer.json(server.get("/api/v1/captures"));
    assertThat(schemas.violations("capture-list", list)).isEmpty();
    assertThat(list.get("items").findValuesAsText("postId")).containsExactly("333", "222", "111");
  }

  @Test
  void screenshot_that_is_not_a_png_is_refused_and_nothing_is_stored() {
    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
    assertRefused(upload(UUID.randomUUID().toString(), capture(Fixtures.metadataFor(jpeg), jpeg)), 400, "not_png");
  }

  @Test
  void truncated_png_is_refused() {
    byte[] png = Fixtures.png(64, 64);
    byte[] cut = Arrays.copyOf(png, png.length - 20);
    assertRefused(upload(UUID.randomUUID().toString(), capture(Fixtures.metadataFor(cut), cut)), 400, "invalid_png");
  }

  @Test
  void png_declaring_huge_dimensions_is_refused_without_decoding() {
    byte[] huge = pngHeaderOnly(100_000, 100_000);
    HttpResponse<String> r = upload(UUID.randomUUID().toString(), capture(Fixtures.metadataFor(huge), huge));
    assertRefused(r, 400, "png_dimensions");
    assertThat(TestServer.json(r).get("message").asText()).contains("100000 × 100000");
  }

  @Test
  void hash_that_does_not_match_the_bytes_is_refused() {
    byte[] png = Fixtures.png(10, 10);
    ObjectNode metadata = Fixtures.metadataFor(png).put("screenshotSha256", "0".repeat(64));
    assertRefused(upload(UUID.randomUUID().toString(), capture(metadata, png)), 400, "hash_mismatch");
  }

  @Test
  void missing_metadata_part_is_named() {
    byte[] png = Fixtures.png(10, 10);
    HttpResponse<String> r = upload(UUID.randomUUID().toString(),
        new Multipart().file("screenshot", "s.png", "image/png", png));
    assertRefused(r, 400, "missing_part");
    assertThat(TestServer.json(r).get("message").asText()).contains("metadata");
  }

  @Test
  void missing_screenshot_part_is_named() {
    byte[] png = Fixtures.png(10, 10);
    HttpResponse<String> r = upload(UUID.randomUUID().toString(),
        new Multipart().file("metadata", "blob", "application/json", Fixtures.metadataFor(png).toString().getBytes()));
    assertRefused(r, 400, "missing_part");
    assertThat(TestServer.json(r).get("message").asText()).contains("screenshot");
  }

  @Test
  void metadata_sent_as_a_plain_field_is_accepted() {
    byte[] png = Fixtures.png(10, 10);
    HttpResponse<String> r = upload(UUID.randomUUID().toString(), new Multipart()
        .field("metadata", Fixtures.metadataFor(png).toString()).file("screenshot", "s.png", "image/png", png));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }

  @Test
  void metadata_breaking_the_schema_is_named() {
    byte[] png = Fixtures.png(10, 10);
    ObjectNode metadata = Fixtures.metadataFor(png);
    metadata.remove("author");
    HttpResponse<String> r = upload(UUID.randomUUID().toString(), capture(metadata, png));
    assertRefused(r, 400, "schema_violation");
    assertThat(TestServer.json(r).get("message").asText()).contains("author");
  }

  @Test
  void metadata_that_is_not_json_is_400() {
    byte[] png = Fixtures.png(10, 10);
    HttpResponse<String> r = upload(UUID.randomUUID().toString(), new Multipart()
        .file("metadata", "blob", "application/json", "{not json".getBytes()).file("screenshot", "s.png", "image/png", png));
    assertRefused(r, 400, "invalid_json");
  }

  @Test
  void json_body_instead_of_multipart_is_415() {
    HttpResponse<String> r = server.postJson("/api/v1/captures", "{}");
    assertRefused(r, 415, "unsupported_media_type");
  }

  @Test
  void missing_idempotency_key_is_400() {
    byte[] png = Fixtures.png(10, 10);
    assertRefused(upload(null, capture(Fixtures.metadataFor(png), png)), 400, "idempotency_key");
  }

  @Test
  void oversized_screenshot_is_413() {
    byte[] big = new byte[21 * 1024 * 1024];
    System.arraycopy(Fixtures.png(10, 10), 0, big, 0, 8);
    assertRefused(upload(UUID.randomUUID().toString(), capture(Fixtures.metadataFor(Fixtures.png(1, 1)), big)),
        413, "payload_too_large");
  }

  @Test
  void broken_multipart_body_is_400() {
    HttpResponse<String> r = server.send(server.request("/api/v1/captures")
        .header("Content-Type", "multipart/form-data; boundary=abc").header("Idempotency-Key", "k-" + UUID.randomUUID())
        .POST(HttpRequest.BodyPublishers.ofString("--abc\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n{")).build());
    assertRefused(r, 400, "invalid_multipart");
  }

  @Test
  void no_token_stores_nothing() {
    byte[] png = Fixtures.png(10, 10);
    Multipart parts = capture(Fixtures.metadataFor(png), png);
    HttpResponse<String> r = server.send(HttpRequest.newBuilder(server.uri("/api/v1/captures"))
        .header("Content-Type", parts.contentType()).header("Idempotency-Key", "k-" + UUID.randomUUID())
        .POST(parts.publisher()).build());
    assertRefused(r, 401, "unauthorized");
  }

  @Test
  void unknown_capture_is_404() {
    assertThat(server.get("/api/v1/captures/01JD2X7Q9ZC4AAAAAAAAAAAAAA").statusCode()).isEqualTo(404);
  }

  @Test
  void bad_paging_is_400() {
    assertThat(server.get("/api/v1/captures?limit=0").statusCode()).isEqualTo(400);
    assertThat(server.get("/api/v1/captures?limit=abc").statusCode()).isEqualTo(400);
  }

  @Test
  void captures_survive_a_restart_on_the_same_data_folder() {
    byte[] png = Fixtures.png(30, 30);
    String id = TestServer.json(upload(UUID.randomUUID().toString(), capture(Fixtures.metadataFor(png), png)))
        .get("id").asText();
    server.close();
    server = new TestServer(data);
    assertThat(server.get("/api/v1/captures/" + id).statusCode()).isEqualTo(200);
    assertThat(server.app().bootstrap()).isEmpty();
  }

  private void assertRefused(HttpResponse<String> r, int status, String code) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    JsonNode body = TestServer.json(r);
    assertThat(schemas.violations("error", body)).as(r.body()).isEmpty();
    assertThat(body.get("code").asText()).isEqualTo(code);
    assertThat(TestServer.json(server.get("/api/v1/captures")).get("items")).as("nothing stored").isEmpty();
    assertThat(Store.rows(data)).as("no capture or file row").isZero();
    assertThat(Store.files(data)).as("no evidence file left behind").isZero();
  }

  /** A well-formed PNG (valid CRCs) whose IHDR declares the given size; no pixel data at all. */
  static byte[] pngHeaderOnly(int width, int height) {
    ByteBuffer b = ByteBuffer.allocate(8 + 25 + 12);
    b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    b.putInt(13);
    int start = b.position();
    b.put("IHDR".getBytes()).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    b.putInt(crc(b.array(), start, 17));
    b.putInt(0);
    int end = b.position();
    b.put("IEND".getBytes());
    b.putInt(crc(b.array(), end, 4));
    return b.array();
  }

  private static int crc(byte[] bytes, int offset, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, offset, length);
    return (int) crc.getValue();
  }
}
