package io.findoc.batch.coordinator.store;

import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.config.JdbiConfig;

/**
 * The stores attached to one handle, each attached once. JDBI builds and checks every method of a
 * store again on each {@link Handle#attach} (locating its SQL, finding its mappers), and a
 * transaction that applies reports or settles a job reaches the same stores from several places. On
 * small jobs that repeated work is a large part of the coordinator's CPU; this removes the repeats
 * within a transaction. Each handle has its own copy of this setting, empty, so nothing outlives
 * the handle.
 */
public final class AttachedStores implements JdbiConfig<AttachedStores> {

  private final Map<Class<?>, Object> attached = new HashMap<>();

  public AttachedStores() {}

  /** The handle's {@code store}, attached on first use. */
  public static <T> T of(Handle handle, Class<T> store) {
    Map<Class<?>, Object> attached = handle.getConfig(AttachedStores.class).attached;
    return store.cast(attached.computeIfAbsent(store, handle::attach));
  }

  @Override
  public AttachedStores createCopy() {
    return new AttachedStores();
  }
}
