package fr.vigie.capture;

import fr.vigie.web.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/** Content checks of the text parts of an upload, read as streams (the HTML and the MHTML can be large). */
final class PartContent {

  /** Chrome writes about 300 bytes of headers; anything that needs more than this is not an MHTML it wrote. */
  private static final int MAX_MHTML_HEADER = 64 * 1024;
  private static final Pattern HEADER_NAME = Pattern.compile("[!-9;-~]+");

  private PartContent() {}

  /** The html part: UTF-8 text, every byte sequence valid. */
  static void utf8(InputStream in, String part) {
    Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    char[] buffer = new char[16 * 1024];
    try {
      while (reader.read(buffer) >= 0) {
        // Decoding is the check.
      }
    } catch (CharacterCodingException e) {
      throw new ApiException.BadRequest("invalid_encoding",
          "La partie « " + part + " » n'est pas du texte UTF-8 valide.",
          "Part \"" + part + "\" is not valid UTF-8 text.");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The mhtml part starts like the MIME document chrome.pageCapture writes (RFC 2557): a header block of
   * "Name: value" lines (folded lines allowed) ended by an empty line, with MIME-Version and a multipart/related
   * Content-Type that names its boundary.
   */
  static void mhtml(InputStream in) {
    String header;
    try {
      header = headerBlock(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (header == null) {
      throw notMhtml("aucun en-tête MIME terminé par une ligne vide dans les " + MAX_MHTML_HEADER / 1024
          + " premiers Kio",
          "no MIME header block ended by an empty line in the first " + MAX_MHTML_HEADER / 1024 + " KiB");
    }
    boolean mimeVersion = false;
    String contentType = null;
    String[] lines = header.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int colon = line.indexOf(':');
      if (colon <= 0 || !HEADER_NAME.matcher(line.substring(0, colon)).matches()) {
        throw notMhtml("la ligne " + (i + 1) + " n'est pas un en-tête « Nom: valeur »",
            "line " + (i + 1) + " is not a \"Name: value\" header");
      }
      StringBuilder value = new StringBuilder(line.substring(colon + 1));
      while (i + 1 < lines.length && (lines[i + 1].startsWith(" ") || lines[i + 1].startsWith("\t"))) {
        value.append(' ').append(lines[++i].strip());
      }
      String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
      mimeVersion |= name.equals("mime-version");
      if (name.equals("content-type")) {
        contentType = value.toString().strip().toLowerCase(Locale.ROOT);
      }
    }
    if (!mimeVersion) {
      throw notMhtml("l'en-tête MIME-Version manque", "the MIME-Version header is missing");
    }
    if (contentType == null || !contentType.startsWith("multipart/related") || !contentType.contains("boundary=")) {
      throw notMhtml("le Content-Type n'est pas multipart/related avec une frontière (boundary)",
          "the Content-Type is not multipart/related with a boundary");
    }
  }

  /** The header lines before the first empty line, or null if there is none early enough. */
  private static String headerBlock(InputStream in) throws IOException {
    byte[] start = in.readNBytes(MAX_MHTML_HEADER);
    String text = new String(start, StandardCharsets.ISO_8859_1);
    int crlf = text.indexOf("\r\n\r\n");
    int lf = text.indexOf("\n\n");
    int end = crlf >= 0 && (lf < 0 || crlf < lf) ? crlf : lf;
    return end <= 0 ? null : text.substring(0, end);
  }

  private static ApiException notMhtml(String whyFr, String whyEn) {
    return new ApiException.BadRequest("invalid_mhtml",
        "La partie « mhtml » ne commence pas comme un document MHTML : " + whyFr + ".",
        "Part \"mhtml\" does not start like an MHTML document: " + whyEn + ".");
  }
}
