package fr.vigie.response;

import java.util.Locale;

/** The three kinds of response a template can be. */
public enum Kind {
  PUBLIC_REPLY, PRIVATE_MESSAGE, ACKNOWLEDGEMENT;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind named on the wire, or null when the name is not one. */
  public static Kind fromWire(String wire) {
    for (Kind kind : values()) {
      if (kind.wire().equals(wire)) {
        return kind;
      }
    }
    return null;
  }
}
