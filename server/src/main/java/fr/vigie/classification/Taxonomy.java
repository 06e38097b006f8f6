package fr.vigie.classification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Labels and their risks, read from the shared taxonomy.json so that the mapping lives in one place. */
public final class Taxonomy {

  private final Map<String, Risk> riskByLabel;
  private final Map<String, String> frenchByLabel;

  private Taxonomy(Map<String, Risk> riskByLabel, Map<String, String> frenchByLabel) {
    // In taxonomy.json's order: where two labels carry the same risk, the first one listed comes first (distress).
    this.riskByLabel = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(riskByLabel));
    this.frenchByLabel = Map.copyOf(frenchByLabel);
  }

  public static Taxonomy load(ObjectMapper mapper) {
    try (InputStream in = Taxonomy.class.getResourceAsStream("/schemas/taxonomy.json")) {
      if (in == null) {
        throw new IllegalStateException("schemas/taxonomy.json manque dans le classpath (module shared-schemas)");
      }
      JsonNode root = mapper.readTree(in);
      List<String> risks = new ArrayList<>();
      root.get("risks").forEach(n -> risks.add(n.asText()));
      List<String> ours = Arrays.stream(Risk.values()).map(Risk::wire).toList();
      if (!risks.equals(ours)) {
        throw new IllegalStateException("taxonomy.json risks " + risks + " differ from the server's " + ours);
      }
      Map<String, Risk> riskByLabel = new LinkedHashMap<>();
      Map<String, String> frenchByLabel = new LinkedHashMap<>();
      for (JsonNode entry : root.get("labels")) {
        riskByLabel.put(entry.get("label").asText(), Risk.fromWire(entry.get("risk").asText()));
        frenchByLabel.put(entry.get("label").asText(), entry.get("fr").asText());
      }
      return new Taxonomy(riskByLabel, frenchByLabel);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Risk riskOf(String label) {
    Risk risk = riskByLabel.get(label);
    if (risk == null) {
      throw new IllegalArgumentException("label absent de la taxonomie : " + label);
    }
    return risk;
  }

  public String frenchName(String label) {
    return frenchByLabel.getOrDefault(label, label);
  }

  /** The labels in taxonomy.json's order. */
  public Set<String> labels() {
    return riskByLabel.keySet();
  }
}
