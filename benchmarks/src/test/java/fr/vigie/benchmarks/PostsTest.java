package fr.vigie.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.classification.ClassifyRequest;
import fr.vigie.web.Schemas;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mix is what the benchmarks claim it is, and every load-run body is a valid classify request. */
class PostsTest {

  @Test
  void mix_has_about_200_posts_in_french_and_english_with_two_long_ones() {
    List<ClassifyRequest.Item> mix = Posts.mix();
    assertThat(mix.size()).isBetween(180, 300);
    assertThat(mix).extracting(ClassifyRequest.Item::lang).containsOnly("fr", "en");
    assertThat(mix).filteredOn(p -> p.text().length() >= 1_800).hasSizeBetween(1, 3);
    assertThat(mix).allSatisfy(p -> assertThat(p.text()).isNotBlank().doesNotContain("\\n"));
  }

  @Test
  void every_batch_body_matches_the_classify_request_schema() throws Exception {
    ObjectMapper json = new ObjectMapper();
    Schemas schemas = new Schemas();
    for (byte[] body : Posts.batches(Posts.mix(), 50, 64)) {
      assertThat(schemas.violations("classify-request", json.readTree(body))).isEmpty();
      assertThat(json.readTree(body).get("items")).hasSize(50);
    }
  }
}
