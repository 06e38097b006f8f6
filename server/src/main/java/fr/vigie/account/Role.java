package fr.vigie.account;

import java.util.Locale;

/** What an account may do: CMs capture, supervisors also review, admins also manage. */
public enum Role {
  ADMIN,
  SUPERVISOR,
  CM;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
