package fr.vigie;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.vigie.account.Secrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A capture as the extension sends it: the shared full-environment metadata example with every part's real hash,
 * and the parts (screenshot, viewport, html, mhtml). Each method returns a changed copy for one bad-input case.
 */
public final class Bundle {

  public static final String HTML = "<article data-testid=\"tweet\"><p>je n'ai plus de tunes... je vais me suicider</p>"
      + "<p>Élan, œuvre, 🚨</p></article>";

  private static final AtomicInteger SCREENSHOTS = new AtomicInteger();
  private final ObjectNode metadata;
  private final Map<String, byte[]> parts;

  private Bundle(ObjectNode metadata, Map<String, byte[]> parts) {
    this.metadata = metadata;
    this.parts = parts;
  }

  /** Every part, post 598 × 212 px, viewport 1280 × 800 px. */
  public static Bundle full() {
    ObjectNode metadata = example("capture-metadata.x-full-environment.json");
    Map<String, byte[]> parts = new LinkedHashMap<>();
    parts.put("screenshot", Fixtures.png(598, 212));
    parts.put("viewport", Fixtures.png(1280, 800));
    parts.put("html", HTML.getBytes(StandardCharsets.UTF_8));
    parts.put("mhtml", mhtml(HTML));
    parts.forEach((name, bytes) -> metadata.put(name + "Sha256", Secrets.sha256Hex(bytes)));
    return new Bundle(metadata, parts);
  }

  /** Only the required parts, as the Foundation extension sent them; each call a screenshot of its own size. */
  public static Bundle minimal() {
    int n = SCREENSHOTS.getAndIncrement();
    byte[] png = Fixtures.png(100 + n % 400, 50 + n / 400);
    return new Bundle(Fixtures.metadataFor(png), new LinkedHashMap<>(Map.of("screenshot", png)));
  }

  public ObjectNode metadata() {
    return metadata;
  }

  public byte[] part(String name) {
    return parts.get(name);
  }

  /** This part with other bytes and their hash declared. */
  public Bundle with(String name, byte[] bytes) {
    Bundle copy = copy();
    copy.parts.put(name, bytes);
    copy.metadata.put(name + "Sha256", Secrets.sha256Hex(bytes));
    return copy;
  }

  /** This part with other bytes, the first hash still declared. */
  public Bundle withBytesOnly(String name, byte[] bytes) {
    Bundle copy = copy();
    copy.parts.put(name, bytes);
    return copy;
  }

  /** The part left out, its hash still declared. */
  public Bundle withoutPart(String name) {
    Bundle copy = copy();
    copy.parts.remove(name);
    return copy;
  }

  /** The part sent, its hash not declared. */
  public Bundle undeclared(String name) {
    Bundle copy = copy();
    copy.metadata.remove(name + "Sha256");
    return copy;
  }

  public Bundle post(String postId) {
    Bundle copy = copy();
    copy.metadata.put("postId", postId);
    return copy;
  }

  public Multipart multipart() {
    Multipart m = new Multipart().file("metadata", "blob", "application/json", metadata.toString().getBytes(StandardCharsets.UTF_8));
    parts.forEach((name, bytes) -> m.file(name, name + ".bin", "application/octet-stream", bytes));
    return m;
  }

  private Bundle copy() {
    return new Bundle(metadata.deepCopy(), new LinkedHashMap<>(parts));
  }

  /** An MHTML document shaped like chrome.pageCapture's. */
  public static byte[] mhtml(String html) {
    String boundary = "----MultipartBoundary--vigieTest0123456789----";
    return ("From: <Saved by Blink>\r\nSnapshot-Content-Location: https://x.com/home\r\nSubject: Accueil / X\r\n"
        + "Date: Fri, 20 Nov 2026 21:16:40 -0000\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n"
        + "\ttype=\"text/html\";\r\n\tboundary=\"" + boundary + "\"\r\n\r\n\r\n--" + boundary + "\r\n"
        + "Content-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\nContent-Transfer-Encoding: binary\r\n"
        + "Content-Location: https://x.com/home\r\n\r\n<html><body>" + html + "</body></html>\r\n--" + boundary + "--\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  static ObjectNode example(String name) {
    try {
      return (ObjectNode) TestServer.JSON.readTree(Files.readString(Path.of("..", "shared-schemas", "examples", "valid", name)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
