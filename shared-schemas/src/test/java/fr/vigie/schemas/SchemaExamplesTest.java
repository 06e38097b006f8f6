package fr.vigie.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every example under examples/valid must pass its schema and every one under examples/invalid must fail it. */
class SchemaExamplesTest {

  private static final Path SCHEMAS = Path.of("schemas");
  private static final Path EXAMPLES = Path.of("examples");
  private static final String ID_PREFIX = "https://vigie.invalid/schemas/";
  private final ObjectMapper json = new ObjectMapper();
  private final JsonSchemaFactory factory =
      JsonSchemaFactory.getInstance(
          SpecVersion.VersionFlag.V202012,
          b -> b.schemaMappers(m -> m.mapPrefix(ID_PREFIX, SCHEMAS.toAbsolutePath().toUri().toString())));

  @TestFactory
  Stream<DynamicTest> valid_examples_pass_their_schema() throws IOException {
    return examples("valid").map(p -> DynamicTest.dynamicTest(p.getFileName().toString(),
        () -> assertThat(validate(p)).as("violations of %s", p).isEmpty()));
  }

  @TestFactory
  Stream<DynamicTest> invalid_examples_fail_their_schema() throws IOException {
    return examples("invalid").map(p -> DynamicTest.dynamicTest(p.getFileName().toString(),
        () -> assertThat(validate(p)).as("violations of %s", p).isNotEmpty()));
  }

  @Test
  void every_schema_has_a_valid_and_an_invalid_example() throws IOException {
    try (Stream<Path> files = Files.list(SCHEMAS)) {
      List<String> names = files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".schema.json")).map(n -> n.replace(".schema.json", "")).toList();
      assertThat(names).hasSizeGreaterThanOrEqualTo(8);
      for (String name : names) {
        assertThat(examples("valid").anyMatch(p -> schemaOf(p).equals(name))).as("valid example for %s", name).isTrue();
        if (!name.equals("capture-list")) {
          assertThat(examples("invalid").anyMatch(p -> schemaOf(p).equals(name))).as("invalid example for %s", name).isTrue();
        }
      }
    }
  }

  @Test
  void shipped_taxonomy_document_matches_its_schema() throws IOException {
    assertThat(validate("taxonomy", json.readTree(SCHEMAS.resolve("taxonomy.json").toFile()))).isEmpty();
  }

  private Set<ValidationMessage> validate(Path example) throws IOException {
    return validate(schemaOf(example), json.readTree(example.toFile()));
  }

  private Set<ValidationMessage> validate(String schemaName, JsonNode node) {
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    JsonSchema schema = factory.getSchema(com.networknt.schema.SchemaLocation.of(ID_PREFIX + schemaName + ".schema.json"), config);
    return schema.validate(node);
  }

  private static String schemaOf(Path example) {
    String file = example.getFileName().toString();
    return file.substring(0, file.indexOf('.'));
  }

  private static Stream<Path> examples(String kind) throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES.resolve(kind))) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
    }
  }
}
