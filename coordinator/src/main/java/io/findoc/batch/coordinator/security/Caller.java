package io.findoc.batch.coordinator.security;

/**
 * Who makes a request: the tenant it acts for (null for the platform administrator, who acts for
 * none), its role, and how the audit trail and the logs name it (a key's public prefix, never the
 * key).
 */
public record Caller(String tenantId, Role role, String actor) {

  /**
   * @throws ForbiddenException unless the caller's role covers {@code needed}
   */
  public void require(Role needed) {
    if (!role.covers(needed)) {
      throw new ForbiddenException(
          "this needs the role " + needed.wireName() + "; the key has " + role.wireName());
    }
  }

  /**
   * The tenant the caller acts for.
   *
   * @throws ForbiddenException for the platform administrator, who acts for no tenant
   */
  public String tenant() {
    if (tenantId == null) {
      throw new ForbiddenException(
          "the administrator key acts for no tenant; use a key of the tenant");
    }
    return tenantId;
  }
}
