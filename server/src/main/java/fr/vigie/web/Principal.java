package fr.vigie.web;

import fr.vigie.account.Role;

/** Who is calling, once authenticated by token or session. */
public record Principal(String accountId, String login, String displayName, Role role) {

  public boolean canReview() {
    return role == Role.ADMIN || role == Role.SUPERVISOR;
  }
}
