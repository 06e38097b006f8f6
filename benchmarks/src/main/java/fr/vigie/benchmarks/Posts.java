package fr.vigie.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.vigie.classification.ClassifyRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The benchmark mix (posts.tsv beside this class): the same posts for the JMH benchmark and the load run. */
public final class Posts {

  private Posts() {}

  /** Every post of the mix, in file order, with ids p0, p1, … */
  public static List<ClassifyRequest.Item> mix() {
    List<ClassifyRequest.Item> items = new ArrayList<>();
    try (InputStream in = Posts.class.getResourceAsStream("posts.tsv")) {
      if (in == null) {
        throw new IllegalStateException("posts.tsv is missing from the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", 3);
        if (f.length != 3) {
          throw new IllegalStateException("posts.tsv: expected lang<TAB>platform<TAB>text, got: " + line);
        }
        items.add(new ClassifyRequest.Item("p" + items.size(), f[2].replace("\\n", "\n"), f[0], f[1]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(items);
  }

  /**
   * {@code count} request bodies of {@code batchSize} posts each, taken in turn from the mix (wrapping around),
   * as classify-request JSON; the same bytes go to classify and to echo.
   */
  public static List<byte[]> batches(List<ClassifyRequest.Item> mix, int batchSize, int count) {
    ObjectMapper json = new ObjectMapper();
    List<byte[]> bodies = new ArrayList<>(count);
    int next = 0;
    for (int b = 0; b < count; b++) {
      ObjectNode body = json.createObjectNode();
      ArrayNode items = body.putArray("items");
      for (int i = 0; i < batchSize; i++) {
        ClassifyRequest.Item post = mix.get(next++ % mix.size());
        items.addObject().put("id", post.id() + "-" + b).put("text", post.text())
            .put("lang", post.lang()).put("platform", post.platform());
      }
      try {
        bodies.add(json.writeValueAsBytes(body));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return List.copyOf(bodies);
  }
}
