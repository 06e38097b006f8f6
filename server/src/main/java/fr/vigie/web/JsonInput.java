package fr.vigie.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/** Reads hostile JSON: right content type, strict syntax, the shared schema, then a record. */
public final class JsonInput {

  private final ObjectMapper strict = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();
  private final ObjectMapper mapper;
  private final Schemas schemas;

  public JsonInput(ObjectMapper mapper, Schemas schemas) {
    this.mapper = mapper;
    this.schemas = schemas;
  }

  /** The request body as {@code type}, after checking it against schema {@code schemaName}. */
  public <T> T body(Context ctx, String schemaName, Class<T> type) {
    String contentType = ctx.contentType();
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw new ApiException.UnsupportedMediaType("unsupported_media_type",
          "Le corps doit être du JSON (Content-Type: application/json), reçu : " + (contentType == null ? "aucun" : contentType) + ".",
          "The body must be JSON (Content-Type: application/json), got: " + (contentType == null ? "none" : contentType) + ".");
    }
    return parse(ctx.bodyAsBytes(), schemaName, type, "corps de la requête", "request body");
  }

  /** Parses and checks a JSON document that came from outside (a body, a multipart part). */
  public <T> T parse(byte[] bytes, String schemaName, Class<T> type, String whereFr, String whereEn) {
    if (bytes.length == 0) {
      throw new ApiException.BadRequest("empty_body", "Le " + whereFr + " est vide.", "The " + whereEn + " is empty.");
    }
    JsonNode tree;
    try {
      tree = strict.readTree(bytes);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : "ligne " + e.getLocation().getLineNr() + ", colonne " + e.getLocation().getColumnNr();
      throw new ApiException.BadRequest("invalid_json", "Le " + whereFr + " n'est pas du JSON valide (" + where + ").",
          "The " + whereEn + " is not valid JSON.", List.of(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new ApiException.BadRequest("invalid_json", "Le " + whereFr + " n'a pas pu être lu.", "The " + whereEn + " could not be read.");
    }
    List<String> violations = schemas.violations(schemaName, tree);
    if (!violations.isEmpty()) {
      throw new ApiException.BadRequest("schema_violation",
          "Le " + whereFr + " ne respecte pas le schéma " + schemaName + " : " + violations.get(0),
          "The " + whereEn + " does not match schema " + schemaName + ".", violations);
    }
    try {
      return mapper.treeToValue(tree, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new ApiException.BadRequest("invalid_value", "Le " + whereFr + " contient une valeur incohérente.",
          "The " + whereEn + " holds an inconsistent value.", List.of(e.getMessage() == null ? "" : e.getMessage()));
    }
  }
}
