package io.findoc.batch.coordinator.security;

import io.findoc.batch.coordinator.config.CoordinatorProperties;
import io.findoc.batch.coordinator.store.SecurityStore;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Finds who presents a key: the platform administrator (the configured admin key) or a tenant's key
 * that is not revoked. Keys are compared by hash in constant time; the key itself is never logged
 * or stored.
 */
@Component
public class Authenticator {

  private static final String ADMIN_ACTOR = "admin";

  private final SecurityStore store;
  private final byte[] adminKeyHash;

  public Authenticator(SecurityStore store, CoordinatorProperties properties) {
    this.store = store;
    String adminKey = properties.security().adminKey();
    this.adminKeyHash =
        adminKey == null || adminKey.isBlank() ? null : ApiKeys.hash(adminKey.strip());
  }

  /** The caller presenting {@code key}, if the key is valid. */
  public Optional<Caller> authenticate(String key) {
    if (adminKeyHash != null && ApiKeys.matches(key, adminKeyHash)) {
      return Optional.of(new Caller(null, Role.ADMIN, ADMIN_ACTOR));
    }
    String prefix = ApiKeys.prefixOf(key);
    if (prefix == null) {
      return Optional.empty();
    }
    return store
        .findKeyByPrefix(prefix)
        .filter(stored -> stored.revokedAt() == null)
        .filter(stored -> ApiKeys.matches(key, stored.secretHash()))
        .map(stored -> new Caller(stored.tenantId(), Role.parse(stored.role()), stored.prefix()));
  }
}
