package fr.vigie.capture;

import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.web.ApiException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The shape of POST /api/v1/captures, checked before a byte is stored: known part names, each once, the required
 * ones present, every optional part declared by its hash in the metadata and every declared hash with its part,
 * sizes within limits. Each refusal names the part.
 */
final class UploadRules {

  static final String METADATA = "metadata";
  static final long MAX_METADATA_BYTES = 1024L * 1024;
  private static final String ALLOWED = METADATA + ", " + Arrays.stream(FileRole.values()).filter(FileRole::uploaded)
      .map(FileRole::wire).collect(Collectors.joining(", "));

  private UploadRules() {}

  /** The parts by name, refusing unknown and repeated names and missing required parts. */
  static Map<String, UploadPart> byName(List<UploadPart> parts) {
    Map<String, UploadPart> out = new HashMap<>();
    for (UploadPart part : parts) {
      String name = part.name() == null ? "" : part.name();
      boolean known = name.equals(METADATA) || FileRole.fromWire(name).filter(FileRole::uploaded).isPresent();
      if (!known) {
        String shown = name.length() > 100 ? name.substring(0, 100) + "…" : name;
        throw new ApiException.BadRequest("unknown_part", "Partie « " + shown + " » inconnue : les parties permises "
            + "sont " + ALLOWED + ".", "Unknown part \"" + shown + "\": allowed parts are " + ALLOWED + ".");
      }
      if (out.put(name, part) != null) {
        throw new ApiException.BadRequest("duplicate_part", "La partie « " + name + " » est envoyée plusieurs fois.",
            "Part \"" + name + "\" is sent more than once.");
      }
    }
    for (String required : List.of(METADATA, FileRole.SCREENSHOT.wire())) {
      if (!out.containsKey(required)) {
        throw new ApiException.BadRequest("missing_part",
            "Partie « " + required + " » manquante dans la requête multipart.",
            "Missing multipart part \"" + required + "\".");
      }
    }
    for (UploadPart part : out.values()) {
      long max = part.name().equals(METADATA) ? MAX_METADATA_BYTES
          : FileRole.fromWire(part.name()).orElseThrow().maxUploadBytes();
      checkSize(part.name(), part.size(), max);
    }
    return out;
  }

  static void checkSize(String name, long size, long max) {
    if (size > max) {
      throw new ApiException.TooLarge("La partie « " + name + " » dépasse " + human(max) + " (reçu " + size
          + " octets).", "Part \"" + name + "\" is larger than " + humanEn(max) + " (got " + size + " bytes).");
    }
    if (size == 0) {
      throw new ApiException.BadRequest("empty_part", "La partie « " + name + " » est vide.",
          "Part \"" + name + "\" is empty.");
    }
  }

  /** The file parts, after checking each optional one against its declared hash field (and the reverse). */
  static Map<FileRole, UploadPart> files(Map<String, UploadPart> parts, JsonNode metadata) {
    Map<FileRole, UploadPart> out = new EnumMap<>(FileRole.class);
    for (FileRole role : FileRole.values()) {
      if (!role.uploaded()) {
        continue;
      }
      String name = role.wire();
      String field = role.declaredHashField();
      UploadPart part = parts.get(name);
      boolean declared = metadata.hasNonNull(field);
      // The screenshot is always sent; its hash stays optional as in the Foundation contract.
      if (role != FileRole.SCREENSHOT && declared && part == null) {
        throw new ApiException.BadRequest("missing_part", field + " est annoncé dans metadata mais la partie « "
            + name + " » manque.", field + " is declared in metadata but part \"" + name + "\" is missing.");
      }
      if (role != FileRole.SCREENSHOT && !declared && part != null) {
        throw new ApiException.BadRequest("undeclared_part", "La partie « " + name + " » est envoyée sans son "
            + "empreinte " + field + " dans metadata.", "Part \"" + name + "\" is sent without its " + field
            + " in metadata.");
      }
      if (part != null) {
        out.put(role, part);
      }
    }
    return out;
  }

  private static String human(long bytes) {
    return bytes >= 1 << 20 ? (bytes >> 20) + " Mio" : (bytes >> 10) + " Kio";
  }

  private static String humanEn(long bytes) {
    return bytes >= 1 << 20 ? (bytes >> 20) + " MiB" : (bytes >> 10) + " KiB";
  }
}
