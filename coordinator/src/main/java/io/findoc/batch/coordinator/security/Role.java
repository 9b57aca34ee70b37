package io.findoc.batch.coordinator.security;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a key may do; each role may do all that the ones before it may. */
public enum Role {
  /** Read the tenant's jobs, tasks, metrics and webhooks; change nothing. */
  VIEWER,
  /** Also submit jobs. */
  SUBMITTER,
  /** Also pause, resume, cancel and re-prioritise the tenant's jobs. */
  OPERATOR,
  /** Also manage tenants and keys, and read the audit trail, across tenants. */
  ADMIN;

  /** Whether this role may do what {@code needed} may. */
  public boolean covers(Role needed) {
    return ordinal() >= needed.ordinal();
  }

  @JsonCreator
  public static Role parse(String text) {
    for (Role role : values()) {
      if (role.name().equalsIgnoreCase(text)) {
        return role;
      }
    }
    throw new IllegalArgumentException(
        "role must be viewer, submitter, operator or admin; got '" + text + "'");
  }

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
