package fr.vigie.classification;

import fr.vigie.web.JsonInput;
import io.javalin.http.Context;

/** POST /api/v1/classify: reads and checks the batch, answers one result per item in order. */
public final class ClassificationController {

  private final JsonInput json;
  private final Classifier classifier;

  public ClassificationController(JsonInput json, Classifier classifier) {
    this.json = json;
    this.classifier = classifier;
  }

  public void classify(Context ctx) {
    ClassifyRequest request = json.body(ctx, "classify-request", ClassifyRequest.class);
    ctx.json(new Classification.Response(request.items().stream().map(classifier::classify).toList()));
  }
}
