package fr.vigie.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.classification.Taxonomy;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/** How the web view writes risks and times for a French reader. */
public final class Display {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("d MMM yyyy 'à' HH:mm:ss", Locale.FRENCH).withZone(PARIS);
  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
  private static final Map<String, String> RISKS = Map.of("critical", "Critique", "high", "Élevé", "medium", "Moyen",
      "low", "Faible", "none", "Aucun risque");

  // The labels' French names, from the shared taxonomy (shared-schemas/schemas/taxonomy.json), not written again here.
  private static final Taxonomy TAXONOMY = Taxonomy.load(new ObjectMapper());
  private static final Map<String, String> KINDS = Map.of("public_reply", "Réponse publique",
      "private_message", "Message privé", "acknowledgement", "Accusé de réception");

  private static final Map<String, String> ROLES = Map.of("screenshot", "Publication (PNG)", "viewport",
      "Fenêtre entière (PNG)", "html", "HTML de la publication", "mhtml", "Page entière (MHTML)", "manifest",
      "Manifeste (JSON canonique)", "timestamp", "Jeton d'horodatage (RFC 3161)");
  private static final Map<String, String> DELETED = Map.of("missing_from_thread", "absente du fil de discussion",
      "unavailable_page", "son lien affiche la page « indisponible » de la plateforme");

  private Display() {}

  public static String label(String label) {
    return TAXONOMY.frenchName(label);
  }

  public static String kind(String kind) {
    return KINDS.getOrDefault(kind, kind);
  }

  public static String role(String role) {
    return ROLES.getOrDefault(role, role);
  }

  public static String howDeleted(String how) {
    return DELETED.getOrDefault(how, how);
  }

  /** "1,8 Mio", "48 Kio", "912 octets". */
  public static String bytes(long bytes) {
    if (bytes >= 1 << 20) {
      return String.format(Locale.FRENCH, "%.1f Mio", bytes / (double) (1 << 20));
    }
    return bytes >= 1 << 10 ? (bytes >> 10) + " Kio" : bytes + " octets";
  }

  public static String risk(String risk) {
    return RISKS.getOrDefault(risk, risk);
  }

  /** "20 nov. 2026 à 22:14:03 (21:14:03 UTC)": Paris time for reading, UTC for the record. */
  public static String time(Instant instant) {
    return LOCAL.format(instant) + " (" + UTC.format(instant) + ")";
  }

  public static String time(String iso) {
    if (iso == null || iso.isEmpty() || iso.equals("null")) {
      return "inconnue";
    }
    try {
      return time(Instant.parse(iso));
    } catch (DateTimeParseException e) {
      return iso;
    }
  }

  public static String excerpt(String text, int max) {
    String flat = text.replaceAll("\\s+", " ").strip();
    if (flat.length() <= max) {
      return flat;
    }
    int cut = flat.lastIndexOf(' ', max);
    return flat.substring(0, cut > max / 2 ? cut : max) + " …";
  }
}
