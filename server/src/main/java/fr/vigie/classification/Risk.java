package fr.vigie.classification;

import java.util.Locale;

/** Risk levels, lowest first; the order is the taxonomy's and is checked against it at start-up. */
public enum Risk {
  NONE,
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Risk fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
