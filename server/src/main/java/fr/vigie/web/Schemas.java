package fr.vigie.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The shared JSON Schemas (from the vigie-shared-schemas jar), compiled once and used on every incoming body. */
public final class Schemas {

  private static final String ID_PREFIX = "https://vigie.invalid/schemas/";
  private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
      b -> b.schemaMappers(m -> m.mapPrefix(ID_PREFIX, "classpath:schemas/")));
  private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true)
      .locale(java.util.Locale.FRENCH).build();
  private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

  /** The violations of {@code value} against schema {@code name}, in French, one line each, sorted; empty when valid. */
  public List<String> violations(String name, JsonNode value) {
    JsonSchema schema = compiled.computeIfAbsent(name,
        n -> factory.getSchema(SchemaLocation.of(ID_PREFIX + n + ".schema.json"), config));
    return schema.validate(value).stream()
        .map(m -> m.getMessage())
        .sorted(Comparator.naturalOrder())
        .toList();
  }
}
