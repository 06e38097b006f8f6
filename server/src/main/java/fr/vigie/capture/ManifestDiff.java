package fr.vigie.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** Names what changed between the manifest stored at capture time and the one rebuilt now, for a reader. */
final class ManifestDiff {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ManifestDiff() {}

  /** " ; champs différents : metadata.text, files.html" — or empty when the stored manifest cannot be read. */
  static String describe(Optional<InputStream> stored, byte[] rebuilt) {
    if (stored.isEmpty()) {
      return "";
    }
    List<String> fields = new ArrayList<>();
    try (InputStream in = stored.get()) {
      diff(JSON.readTree(in), JSON.readTree(rebuilt), "", 2, fields);
    } catch (IOException e) {
      return "";
    }
    return fields.isEmpty() ? "" : " ; champs différents : " + String.join(", ", fields);
  }

  private static void diff(JsonNode a, JsonNode b, String path, int depth, List<String> out) {
    if (a.equals(b)) {
      return;
    }
    if (depth == 0 || !a.isObject() || !b.isObject()) {
      out.add(path.isEmpty() ? "(tout)" : path);
      return;
    }
    TreeSet<String> names = new TreeSet<>();
    for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    b.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      diff(a.path(name), b.path(name), path.isEmpty() ? name : path + "." + name, depth - 1, out);
    }
  }
}
