package fr.vigie.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * POST /api/v1/echo: the benchmark baseline for POST /api/v1/classify. Same authentication, same input checks
 * (content type, strict JSON, the classify-request schema), then it answers each item's id and text without
 * classifying anything, so a load run can tell the engine's cost from the HTTP and JSON cost around it.
 */
public final class EchoController {

  /** One echoed item. */
  public record Echoed(String id, String text) {}

  /** Answer of POST /api/v1/echo. */
  public record Response(List<Echoed> results) {}

  private final JsonInput json;

  public EchoController(JsonInput json) {
    this.json = json;
  }

  public void echo(Context ctx) {
    JsonNode request = json.body(ctx, "classify-request", JsonNode.class);
    JsonNode items = request.get("items");
    List<Echoed> results = new ArrayList<>(items.size());
    for (JsonNode item : items) {
      results.add(new Echoed(item.get("id").asText(), item.get("text").asText()));
    }
    ctx.json(new Response(results));
  }
}
