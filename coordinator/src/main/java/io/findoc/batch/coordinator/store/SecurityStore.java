package io.findoc.batch.coordinator.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Tenants, their API keys and the audit trail. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(SecurityStore.Tenant.class)
@RegisterConstructorMapper(SecurityStore.ApiKey.class)
@RegisterConstructorMapper(SecurityStore.AuditEvent.class)
public interface SecurityStore {

  /** A tenant: the owner of jobs, keys and webhooks. */
  record Tenant(String id, String name, Instant createdAt) {}

  /** A stored key: its public prefix and the hash of the whole key, never the key. */
  record ApiKey(
      UUID id,
      String tenantId,
      String prefix,
      byte[] secretHash,
      String role,
      String name,
      Instant createdAt,
      Instant revokedAt) {}

  /** Who did what to what through the API, and the status it got. */
  record AuditEvent(
      long id,
      Instant at,
      String tenantId,
      String actor,
      String role,
      String action,
      String target,
      int status) {}

  /** Creates the tenant; returns 0 if it exists already. */
  @SqlUpdate
  int insertTenant(@Bind("id") String id, @Bind("name") String name);

  @SqlQuery
  List<Tenant> listTenants();

  @SqlQuery
  boolean tenantExists(@Bind("id") String id);

  @SqlUpdate
  void insertKey(
      @Bind("id") UUID id,
      @Bind("tenantId") String tenantId,
      @Bind("prefix") String prefix,
      @Bind("secretHash") byte[] secretHash,
      @Bind("role") String role,
      @Bind("name") String name);

  @SqlQuery
  Optional<ApiKey> findKeyByPrefix(@Bind("prefix") String prefix);

  @SqlQuery
  List<ApiKey> listKeys(@Bind("tenantId") String tenantId);

  /** Revokes the tenant's key (idempotent); returns 0 if the tenant has no such key. */
  @SqlUpdate
  int revokeKey(@Bind("tenantId") String tenantId, @Bind("id") UUID id);

  @SqlUpdate
  void insertAuditEvent(
      @Bind("tenantId") String tenantId,
      @Bind("actor") String actor,
      @Bind("role") String role,
      @Bind("action") String action,
      @Bind("target") String target,
      @Bind("status") int status);

  /** The newest events before {@code before}, of one tenant or (null) all. */
  @SqlQuery
  List<AuditEvent> listAuditEvents(
      @Bind("tenantId") String tenantId, @Bind("before") long before, @Bind("limit") int limit);
}
