package fr.vigie.account;

import java.time.Instant;
import java.util.Objects;

/** A person who signs in to Vigie. */
public record Account(String id, String login, String displayName, Role role, String passwordHash, Instant createdAt) {

  public Account {
    Objects.requireNonNull(id);
    Objects.requireNonNull(login);
    Objects.requireNonNull(role);
    Objects.requireNonNull(passwordHash);
  }
}
