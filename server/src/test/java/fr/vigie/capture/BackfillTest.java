package fr.vigie.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.Fixtures;
import fr.vigie.TestServer;
import fr.vigie.account.Secrets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data folder from before migration V003: its captures stay readable and join the chain at start-up. */
class BackfillTest {

  @TempDir Path data;

  @Test
  void captures_stored_at_schema_version_2_are_chained_in_received_order_and_verify() throws Exception {
    String url = "jdbc:sqlite:" + data.resolve("vigie.db");
    Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("2").load().migrate();
    FilesystemFileStore store = new FilesystemFileStore(data.resolve("files"));
    List<String> ids = List.of("01OLDCAPTURE0000000000000B", "01OLDCAPTURE0000000000000A", "01OLDCAPTURE0000000000000C");
    // Received out of id order on purpose: the chain follows received_at, then id.
    String[] receivedAt = {"2026-10-01 08:00:00.000", "2026-10-01 09:00:00.000", "2026-10-01 09:00:00.000"};
    List<String> shas = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url)) {
      c.createStatement().executeUpdate("INSERT INTO account VALUES ('01ADMIN0000000000000000000', 'admin', 'Administrateur', "
          + "'admin', '$2b$10$unused', '2026-09-01 00:00:00.000')");
      for (int i = 0; i < ids.size(); i++) {
        byte[] png = Fixtures.png(50 + i, 40);
        String sha = store.put(png);
        shas.add(sha);
        PreparedStatement insert = c.prepareStatement("INSERT INTO capture (id, account_id, idempotency_key, received_at, "
            + "risk, risk_rank, platform, post_id, author_name, author_handle, permalink, page_url, post_text, captured_at, "
            + "metadata_json, screenshot_sha256, screenshot_bytes, screenshot_width, screenshot_height) "
            + "VALUES (?, '01ADMIN0000000000000000000', ?, ?, 'critical', 4, 'x', ?, 'Lucie M.', '@lucie_m', ?, ?, ?, "
            + "'2026-10-01 07:59:00.000', ?, ?, ?, ?, 40)");
        JsonNode metadata = Fixtures.metadataFor(png).put("postId", "old-" + i);
        insert.setString(1, ids.get(i));
        insert.setString(2, "old-key-" + i);
        insert.setString(3, receivedAt[i]);
        insert.setString(4, "old-" + i);
        insert.setString(5, metadata.path("permalink").asText());
        insert.setString(6, metadata.path("pageUrl").asText());
        insert.setString(7, metadata.path("text").asText());
        insert.setString(8, metadata.toString());
        insert.setString(9, sha);
        insert.setLong(10, png.length);
        insert.setInt(11, 50 + i);
        insert.executeUpdate();
      }
    }

    try (TestServer server = new TestServer(data)) {
      JsonNode first = TestServer.json(server.get("/api/v1/captures/" + ids.get(0)));
      JsonNode second = TestServer.json(server.get("/api/v1/captures/" + ids.get(1)));
      JsonNode third = TestServer.json(server.get("/api/v1/captures/" + ids.get(2)));
      assertThat(first.get("sequence").asInt()).isEqualTo(1);
      assertThat(second.get("sequence").asInt()).isEqualTo(2);
      assertThat(third.get("sequence").asInt()).isEqualTo(3);
      assertThat(second.get("previousManifestSha256")).isEqualTo(first.get("manifestSha256"));
      assertThat(first.get("files").findValuesAsText("role")).containsExactly("screenshot", "manifest");
      assertThat(first.at("/files/0/sha256").asText()).isEqualTo(shas.get(0));
      assertThat(first.at("/metadata/postId").asText()).isEqualTo("old-0");
      assertThat(new fr.vigie.web.Schemas().violations("capture", first)).isEmpty();

      byte[] manifest = server.sendForBytes(server.request("/api/v1/captures/" + ids.get(0) + "/files/manifest").GET().build()).body();
      assertThat(Secrets.sha256Hex(manifest)).isEqualTo(first.get("manifestSha256").asText());
      assertThat(TestServer.JSON.readTree(manifest).get("receivedFrom").isNull()).as("not recorded before V003").isTrue();

      JsonNode walk = TestServer.json(server.get("/api/v1/captures/verify"));
      assertThat(walk.get("ok").asBoolean()).as(walk.toString()).isTrue();
      assertThat(walk.get("checked").asInt()).isEqualTo(3);

      assertNewCaptureJoinsAfter(server, third);
    }
    try (TestServer again = new TestServer(data)) {
      JsonNode walk = TestServer.json(again.get("/api/v1/captures/verify"));
      assertThat(walk.get("checked").asInt()).as("a second start chains nothing twice").isEqualTo(4);
      assertThat(walk.get("ok").asBoolean()).isTrue();
    }
  }

  private static void assertNewCaptureJoinsAfter(TestServer server, JsonNode head) {
    JsonNode created = TestServer.json(server.upload("new-after-backfill", fr.vigie.Bundle.minimal().multipart()));
    assertThat(created.get("sequence").asInt()).isEqualTo(4);
    assertThat(created.get("previousManifestSha256")).isEqualTo(head.get("manifestSha256"));
  }
}
