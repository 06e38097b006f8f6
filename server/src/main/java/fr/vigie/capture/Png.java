package fr.vigie.capture;

import fr.vigie.web.ApiException;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Checks that a stream is one whole PNG without decoding it: signature, every chunk's CRC, IHDR first, IEND last,
 * sane dimensions. A decoder never sees a file that declares 100,000 × 100,000 pixels, and the check reads the file
 * in constant memory.
 */
public final class Png {

  static final int MAX_SIDE = 16_384;
  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  /** Width and height in pixels, from IHDR. */
  public record Size(int width, int height) {}

  private Png() {}

  /** The PNG's size; a 400 naming {@code part} when the bytes are not one sane PNG. */
  public static Size inspect(InputStream stream, String part) {
    try {
      return read(new DataInputStream(stream), part);
    } catch (EOFException e) {
      throw truncated(part);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Size read(DataInputStream in, String part) throws IOException {
    byte[] signature = in.readNBytes(SIGNATURE.length);
    if (!java.util.Arrays.equals(signature, SIGNATURE)) {
      throw bad("not_png", "La partie « " + part + " » n'est pas un fichier PNG.",
          "Part \"" + part + "\" is not a PNG file.");
    }
    Size size = null;
    byte[] buffer = new byte[64 * 1024];
    while (true) {
      long length = Integer.toUnsignedLong(in.readInt());
      byte[] type = new byte[4];
      in.readFully(type);
      String name = new String(type, StandardCharsets.US_ASCII);
      CRC32 check = new CRC32();
      check.update(type);
      if (size == null) {
        if (!name.equals("IHDR") || length != 13) {
          throw bad("invalid_png", "Le PNG de la partie « " + part + " » ne commence pas par un en-tête IHDR.",
              "The PNG of part \"" + part + "\" does not start with IHDR.");
        }
        byte[] ihdr = new byte[13];
        in.readFully(ihdr);
        check.update(ihdr);
        size = dimensions(ByteBuffer.wrap(ihdr), part);
      } else {
        for (long left = length; left > 0; ) {
          int n = (int) Math.min(left, buffer.length);
          in.readFully(buffer, 0, n);
          check.update(buffer, 0, n);
          left -= n;
        }
      }
      if (check.getValue() != Integer.toUnsignedLong(in.readInt())) {
        throw bad("invalid_png", "Le PNG de la partie « " + part + " » est corrompu (somme de contrôle du bloc " + name
            + " fausse).", "The PNG of part \"" + part + "\" is corrupt (bad CRC in chunk " + name + ").");
      }
      if (name.equals("IEND")) {
        if (in.read() != -1) {
          throw bad("invalid_png", "Le PNG de la partie « " + part + " » contient des octets après sa fin (IEND).",
              "The PNG of part \"" + part + "\" has bytes after IEND.");
        }
        return size;
      }
    }
  }

  private static Size dimensions(ByteBuffer ihdr, String part) {
    long width = Integer.toUnsignedLong(ihdr.getInt());
    long height = Integer.toUnsignedLong(ihdr.getInt());
    if (width == 0 || height == 0 || width > MAX_SIDE || height > MAX_SIDE) {
      throw bad("png_dimensions", "Le PNG de la partie « " + part + " » déclare " + width + " × " + height
          + " pixels ; le maximum est " + MAX_SIDE + " × " + MAX_SIDE + ".",
          "The PNG of part \"" + part + "\" declares " + width + " × " + height + " pixels; at most " + MAX_SIDE
              + " × " + MAX_SIDE + " is accepted.");
    }
    return new Size((int) width, (int) height);
  }

  private static ApiException truncated(String part) {
    return bad("invalid_png", "Le PNG de la partie « " + part + " » est tronqué (il manque la fin du fichier).",
        "The PNG of part \"" + part + "\" is truncated.");
  }

  private static ApiException bad(String code, String fr, String en) {
    return new ApiException.BadRequest(code, fr, en);
  }
}
