package fr.vigie;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.vigie.account.Secrets;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Real PNGs and capture metadata taken from the shared schema examples. */
public final class Fixtures {

  private Fixtures() {}

  public static byte[] png(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setColor(new Color(164, 14, 38));
    g.fillRect(4, 4, Math.max(1, width / 3), Math.max(1, height / 3));
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The shared valid capture-metadata example, with the screenshot's real hash. */
  public static ObjectNode metadataFor(byte[] png) {
    try {
      Path example = Path.of("..", "shared-schemas", "examples", "valid", "capture-metadata.x-distress-post.json");
      ObjectNode node = (ObjectNode) TestServer.JSON.readTree(Files.readString(example));
      node.put("screenshotSha256", Secrets.sha256Hex(png));
      return node;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
