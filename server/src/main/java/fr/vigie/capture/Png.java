package fr.vigie.capture;

import fr.vigie.web.ApiException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * Checks that bytes are one whole PNG without decoding it: signature, every chunk's CRC, IHDR first, IEND last,
 * sane dimensions. A decoder never sees a file that declares 100,000 × 100,000 pixels.
 */
public final class Png {

  static final int MAX_SIDE = 16_384;
  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  /** Width and height in pixels, from IHDR. */
  public record Size(int width, int height) {}

  private Png() {}

  public static Size inspect(byte[] bytes) {
    if (bytes.length < SIGNATURE.length || !startsWithSignature(bytes)) {
      throw bad("not_png", "La capture d'écran n'est pas un fichier PNG.", "The screenshot is not a PNG file.");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    in.position(SIGNATURE.length);
    Size size = null;
    boolean ended = false;
    while (in.hasRemaining()) {
      if (ended) {
        throw bad("invalid_png", "Le PNG contient des octets après sa fin (IEND).", "The PNG has bytes after IEND.");
      }
      if (in.remaining() < 12) {
        throw truncated();
      }
      long length = Integer.toUnsignedLong(in.getInt());
      byte[] type = new byte[4];
      in.get(type);
      if (length > in.remaining() - 4) {
        throw truncated();
      }
      byte[] data = new byte[(int) length];
      in.get(data);
      long crc = Integer.toUnsignedLong(in.getInt());
      CRC32 check = new CRC32();
      check.update(type);
      check.update(data);
      String name = new String(type, java.nio.charset.StandardCharsets.US_ASCII);
      if (check.getValue() != crc) {
        throw bad("invalid_png", "Le PNG est corrompu (somme de contrôle du bloc " + name + " fausse).",
            "The PNG is corrupt (bad CRC in chunk " + name + ").");
      }
      if (size == null) {
        if (!name.equals("IHDR") || length != 13) {
          throw bad("invalid_png", "Le PNG ne commence pas par un en-tête IHDR.", "The PNG does not start with IHDR.");
        }
        size = dimensions(ByteBuffer.wrap(data));
      }
      ended = name.equals("IEND");
    }
    if (!ended) {
      throw truncated();
    }
    return size;
  }

  private static Size dimensions(ByteBuffer ihdr) {
    long width = Integer.toUnsignedLong(ihdr.getInt());
    long height = Integer.toUnsignedLong(ihdr.getInt());
    if (width == 0 || height == 0 || width > MAX_SIDE || height > MAX_SIDE) {
      throw bad("png_dimensions", "Le PNG déclare " + width + " × " + height + " pixels ; le maximum est "
          + MAX_SIDE + " × " + MAX_SIDE + ".", "The PNG declares " + width + " × " + height + " pixels; at most "
          + MAX_SIDE + " × " + MAX_SIDE + " is accepted.");
    }
    return new Size((int) width, (int) height);
  }

  private static boolean startsWithSignature(byte[] bytes) {
    for (int i = 0; i < SIGNATURE.length; i++) {
      if (bytes[i] != SIGNATURE[i]) {
        return false;
      }
    }
    return true;
  }

  private static ApiException truncated() {
    return bad("invalid_png", "Le PNG est tronqué (il manque la fin du fichier).", "The PNG is truncated.");
  }

  private static ApiException bad(String code, String fr, String en) {
    return new ApiException.BadRequest(code, fr, en);
  }
}
