package fr.vigie.review;

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

  private static final Map<String, String> LABELS = Map.of("distress", "Détresse", "threat", "Menace",
      "personal_data", "Données personnelles", "employee_attack", "Attaque d'un salarié", "defamation", "Diffamation",
      "rumor", "Rumeur", "insult", "Insulte", "complaint", "Réclamation", "question", "Question");
  private static final Map<String, String> KINDS = Map.of("public_reply", "Réponse publique",
      "private_message", "Message privé", "acknowledgement", "Accusé de réception");

  private Display() {}

  public static String label(String label) {
    return LABELS.getOrDefault(label, label);
  }

  public static String kind(String kind) {
    return KINDS.getOrDefault(kind, kind);
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
