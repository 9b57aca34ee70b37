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

/** Webhook endpoints of tenants and jobs, and the deliveries of events to them. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(WebhookEndpointRow.class)
@RegisterConstructorMapper(WebhookDeliveryRow.class)
@RegisterConstructorMapper(ClaimedDelivery.class)
public interface WebhookStore {

  @SqlQuery
  WebhookEndpointRow insertEndpoint(
      @Bind("id") UUID id,
      @Bind("tenantId") String tenantId,
      @Bind("url") String url,
      @Bind("eventTypes") String[] eventTypes,
      @Bind("jobId") UUID jobId,
      @Bind("enabled") boolean enabled,
      @Bind("secret") String secret);

  /** The endpoint, if it exists and belongs to the tenant. */
  @SqlQuery
  Optional<WebhookEndpointRow> findEndpoint(@Bind("id") UUID id, @Bind("tenantId") String tenant);

  /** The tenant's endpoints, oldest first, after {@code afterId} (null: from the first). */
  @SqlQuery
  List<WebhookEndpointRow> listEndpoints(
      @Bind("tenantId") String tenantId, @Bind("limit") int limit);

  /** Replaces the endpoint's settings; re-enabling clears the reason it was disabled. */
  @SqlQuery
  Optional<WebhookEndpointRow> updateEndpoint(
      @Bind("id") UUID id,
      @Bind("tenantId") String tenantId,
      @Bind("url") String url,
      @Bind("eventTypes") String[] eventTypes,
      @Bind("jobId") UUID jobId,
      @Bind("enabled") boolean enabled);

  @SqlUpdate
  int deleteEndpoint(@Bind("id") UUID id, @Bind("tenantId") String tenantId);

  /**
   * Replaces the secret; the old one keeps signing until {@code overlap} (a PostgreSQL interval)
   * from now.
   */
  @SqlQuery
  Optional<WebhookEndpointRow> rotateSecret(
      @Bind("id") UUID id,
      @Bind("tenantId") String tenantId,
      @Bind("secret") String secret,
      @Bind("overlap") String overlap);

  /** Disables the endpoint (it answered 410 Gone) and gives up its pending deliveries. */
  @SqlUpdate
  void disableEndpoint(@Bind("id") UUID id, @Bind("reason") String reason);

  /**
   * Claims due deliveries, at most {@code limit}, and no more per endpoint than make {@code
   * perEndpoint} in flight; each is due again after {@code lease} (a PostgreSQL interval) unless
   * its attempt is recorded before.
   */
  @SqlQuery
  List<ClaimedDelivery> claimDue(
      @Bind("limit") int limit, @Bind("perEndpoint") int perEndpoint, @Bind("lease") String lease);

  /** Records that the attempt succeeded; 0 if the delivery was claimed again meanwhile. */
  @SqlUpdate
  int recordSuccess(
      @Bind("id") UUID id,
      @Bind("attempt") int attempt,
      @Bind("status") int status,
      @Bind("latencyMs") int latencyMs);

  /**
   * Records a failed attempt: due again at {@code dueAt}, or given up (FAILED) if {@code dueAt} is
   * null.
   */
  @SqlUpdate
  int recordFailure(
      @Bind("id") UUID id,
      @Bind("attempt") int attempt,
      @Bind("status") Integer status,
      @Bind("latencyMs") int latencyMs,
      @Bind("error") String error,
      @Bind("dueAt") Instant dueAt);

  /** A page of the endpoint's deliveries, newest first, optionally of one state. */
  @SqlQuery
  List<WebhookDeliveryRow> listDeliveries(
      @Bind("endpointId") UUID endpointId, @Bind("state") String state, @Bind("limit") int limit);

  /**
   * Makes the delivery due now again, with a new retry horizon; 0 if the endpoint has no such
   * delivery.
   */
  @SqlUpdate
  int redeliver(@Bind("endpointId") UUID endpointId, @Bind("id") UUID deliveryId);

  /** The delivery, if it is one of the endpoint's. */
  @SqlQuery
  Optional<WebhookDeliveryRow> findDelivery(
      @Bind("endpointId") UUID endpointId, @Bind("id") UUID deliveryId);
}
