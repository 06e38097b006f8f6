package fr.vigie.e2e;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a multipart/form-data body as the extension uploads it, to check each part's bytes against its hash. */
record Multipart(Map<String, Multipart.Part> parts) {

  record Part(String name, String filename, String contentType, byte[] bytes) {}

  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
  private static final Pattern FILENAME = Pattern.compile("\\bfilename=\"([^\"]*)\"");

  static Multipart parse(String contentType, byte[] body) {
    Matcher boundary = BOUNDARY.matcher(contentType);
    if (!boundary.find()) {
      throw new IllegalArgumentException("no boundary in " + contentType);
    }
    byte[] delimiter = ("--" + boundary.group(1)).getBytes(StandardCharsets.US_ASCII);
    Map<String, Part> parts = new LinkedHashMap<>();
    int start = indexOf(body, delimiter, 0);
    while (start >= 0) {
      int headersStart = start + delimiter.length;
      if (body[headersStart] == '-' && body[headersStart + 1] == '-') {
        break; // the closing delimiter
      }
      headersStart += 2; // CRLF after the delimiter
      int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), headersStart);
      int next = indexOf(body, delimiter, headersEnd);
      String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
      byte[] bytes = Arrays.copyOfRange(body, headersEnd + 4, next - 2); // the CRLF before the next delimiter
      String name = find(NAME, headers);
      String type = null;
      for (String line : headers.split("\r\n")) {
        if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
          type = line.substring("content-type:".length()).trim();
        }
      }
      parts.put(name, new Part(name, find(FILENAME, headers), type, bytes));
      start = next;
    }
    return new Multipart(parts);
  }

  private static String find(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? m.group(1) : null;
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
