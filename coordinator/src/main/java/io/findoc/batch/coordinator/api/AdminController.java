package io.findoc.batch.coordinator.api;

import io.findoc.batch.coordinator.control.WorkerDrains;
import io.findoc.batch.coordinator.security.ApiKeys;
import io.findoc.batch.coordinator.security.CurrentCaller;
import io.findoc.batch.coordinator.security.Role;
import io.findoc.batch.coordinator.store.SecurityStore;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tenants, their API keys and the audit trail, for admins only. A key is shown once, when it is
 * created; afterwards only its prefix.
 */
@RestController
@RequestMapping("/api/admin")
public class AdminController {

  private static final Pattern TENANT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
  private static final int MAX_NAME_LENGTH = 200;

  private final SecurityStore store;
  private final CurrentCaller callers;
  private final WorkerDrains drains;

  public AdminController(SecurityStore store, CurrentCaller callers, WorkerDrains drains) {
    this.store = store;
    this.callers = callers;
    this.drains = drains;
  }

  /** The body of {@code POST /api/admin/tenants}. */
  public record NewTenant(String id, String name) {}

  /** The body of {@code POST /api/admin/tenants/{tenant}/keys}. */
  public record NewKey(Role role, String name) {}

  /** A key as listed: never the key itself. */
  public record KeyView(
      UUID id, String prefix, Role role, String name, Instant createdAt, Instant revokedAt) {}

  /** A key just created: the only time {@code key} is shown. */
  public record CreatedKey(
      UUID id, String tenant, String prefix, Role role, String name, String key) {}

  /** Creates a tenant; 201, or 200 if it exists with that id already. */
  @PostMapping("/tenants")
  @ApiResponse(
      responseCode = "201",
      description = "created",
      content = @Content(schema = @Schema(implementation = SecurityStore.Tenant.class)))
  @ApiResponse(
      responseCode = "200",
      description = "a tenant with this id exists already; it is left as it is",
      content = @Content(schema = @Schema(implementation = SecurityStore.Tenant.class)))
  public ResponseEntity<SecurityStore.Tenant> createTenant(@RequestBody NewTenant tenant) {
    admin();
    if (tenant.id() == null || !TENANT_ID.matcher(tenant.id()).matches()) {
      throw new InvalidParameterException(
          "id", "must be 1 to 63 characters of a-z, 0-9 and '-', starting with a letter or digit");
    }
    String name = tenant.name() == null || tenant.name().isBlank() ? tenant.id() : tenant.name();
    if (name.length() > MAX_NAME_LENGTH) {
      throw new InvalidParameterException(
          "name", "must be at most " + MAX_NAME_LENGTH + " characters");
    }
    boolean created = store.insertTenant(tenant.id(), name) == 1;
    SecurityStore.Tenant stored =
        store.listTenants().stream()
            .filter(t -> t.id().equals(tenant.id()))
            .findFirst()
            .orElseThrow();
    return created
        ? ResponseEntity.created(URI.create("/api/admin/tenants/" + tenant.id())).body(stored)
        : ResponseEntity.ok(stored);
  }

  @GetMapping("/tenants")
  public List<SecurityStore.Tenant> tenants() {
    admin();
    return store.listTenants();
  }

  /** Creates a key for the tenant; the answer is the only place the key ever appears. */
  @PostMapping("/tenants/{tenant}/keys")
  @ApiResponse(
      responseCode = "201",
      description = "created; the answer is the only place the key appears",
      content = @Content(schema = @Schema(implementation = CreatedKey.class)))
  public ResponseEntity<CreatedKey> createKey(
      @PathVariable String tenant, @RequestBody NewKey key) {
    admin();
    requireTenant(tenant);
    if (key.role() == null) {
      throw new InvalidParameterException(
          "role", "is required: viewer, submitter, operator or admin");
    }
    String name = key.name() == null || key.name().isBlank() ? key.role().wireName() : key.name();
    if (name.length() > MAX_NAME_LENGTH) {
      throw new InvalidParameterException(
          "name", "must be at most " + MAX_NAME_LENGTH + " characters");
    }
    ApiKeys.NewKey generated = ApiKeys.generate();
    UUID id = UUID.randomUUID();
    store.insertKey(
        id, tenant, generated.prefix(), ApiKeys.hash(generated.key()), key.role().wireName(), name);
    return ResponseEntity.created(URI.create("/api/admin/tenants/" + tenant + "/keys/" + id))
        .body(new CreatedKey(id, tenant, generated.prefix(), key.role(), name, generated.key()));
  }

  @GetMapping("/tenants/{tenant}/keys")
  public List<KeyView> keys(@PathVariable String tenant) {
    admin();
    requireTenant(tenant);
    return store.listKeys(tenant).stream()
        .map(
            k ->
                new KeyView(
                    k.id(),
                    k.prefix(),
                    Role.parse(k.role()),
                    k.name(),
                    k.createdAt(),
                    k.revokedAt()))
        .toList();
  }

  /** Revokes a key at once (idempotent); later requests with it answer 401. */
  @DeleteMapping("/tenants/{tenant}/keys/{id}")
  @ApiResponse(responseCode = "204", description = "revoked")
  public ResponseEntity<Void> revokeKey(@PathVariable String tenant, @PathVariable UUID id) {
    admin();
    requireTenant(tenant);
    if (store.revokeKey(tenant, id) == 0) {
      throw new NotFoundException("tenant " + tenant + " has no key " + id);
    }
    return ResponseEntity.noContent().build();
  }

  /** The audit trail, newest first, of one tenant or all; {@code before} pages back. */
  @GetMapping("/audit")
  public List<SecurityStore.AuditEvent> audit(
      @RequestParam(required = false) String tenant,
      @RequestParam(required = false) Long before,
      @RequestParam(required = false) Integer limit) {
    admin();
    int size = limit == null ? 100 : limit;
    if (size < 1 || size > 1000) {
      throw new InvalidParameterException("limit", "must be between 1 and 1000");
    }
    return store.listAuditEvents(tenant, before == null ? Long.MAX_VALUE : before, size);
  }

  /**
   * Drains a worker: it takes no new task, finishes those it has, then leaves the task topics, so
   * the other workers take over its partitions; the workers page and the metrics' live workers show
   * it draining, then drained. It stays drained across restarts until undrained. Idempotent.
   */
  @PutMapping("/workers/{worker}/drain")
  @ApiResponse(responseCode = "204", description = "the worker will drain")
  public ResponseEntity<Void> drain(@PathVariable String worker) {
    admin();
    drainOrNot(worker, true);
    return ResponseEntity.noContent().build();
  }

  /** Lets a drained worker take tasks again. Idempotent. */
  @DeleteMapping("/workers/{worker}/drain")
  @ApiResponse(responseCode = "204", description = "the worker takes tasks again")
  public ResponseEntity<Void> undrain(@PathVariable String worker) {
    admin();
    drainOrNot(worker, false);
    return ResponseEntity.noContent().build();
  }

  private void drainOrNot(String worker, boolean drain) {
    try {
      drains.drain(worker, drain);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("worker", e.getMessage());
    }
  }

  private void admin() {
    callers.get().require(Role.ADMIN);
  }

  private void requireTenant(String tenant) {
    if (!store.tenantExists(tenant)) {
      throw new NotFoundException("no tenant " + tenant);
    }
  }
}
