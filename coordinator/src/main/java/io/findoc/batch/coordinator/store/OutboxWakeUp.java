package io.findoc.batch.coordinator.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.config.JdbiConfig;

/**
 * What runs once a transaction that wrote job events has committed: the coordinator wakes its
 * outbox relay with it, so that events leave at once rather than at the relay's next poll. A JDBI
 * setting, because the stores that write events ({@link EventStore}, {@link JobStore#moveState})
 * are SQL objects, not beans; without it nothing runs and the relay's poll finds the events.
 */
public final class OutboxWakeUp implements JdbiConfig<OutboxWakeUp> {

  private Runnable afterCommit = () -> {};

  public OutboxWakeUp() {}

  private OutboxWakeUp(OutboxWakeUp other) {
    this.afterCommit = other.afterCommit;
  }

  /** Sets what runs after a transaction that wrote events commits. */
  public OutboxWakeUp afterCommit(Runnable wakeUp) {
    this.afterCommit = wakeUp;
    return this;
  }

  /** Arranges the wake-up for when the handle's transaction commits (now, outside of one). */
  static void register(Handle handle) {
    Runnable wakeUp = handle.getConfig(OutboxWakeUp.class).afterCommit;
    if (handle.isInTransaction()) {
      handle.afterCommit(wakeUp);
    } else {
      wakeUp.run();
    }
  }

  @Override
  public OutboxWakeUp createCopy() {
    return new OutboxWakeUp(this);
  }
}
