package fr.vigie.classification;

import java.util.List;

/** Body of POST /api/v1/classify (schema classify-request). */
public record ClassifyRequest(List<Item> items) {

  public ClassifyRequest {
    items = List.copyOf(items);
  }

  /** One text to classify. {@code lang} and {@code platform} may be null. */
  public record Item(String id, String text, String lang, String platform) {}
}
