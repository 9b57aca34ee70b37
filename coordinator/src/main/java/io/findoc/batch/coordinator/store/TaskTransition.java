package io.findoc.batch.coordinator.store;

import io.findoc.batch.common.state.TaskState;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.mapper.reflect.JdbiConstructor;

/**
 * One task row that a guarded UPDATE changed, with the state it left and, where the statement
 * returns it, when the attempt was dispatched (for the queue-wait figures).
 */
public record TaskTransition(
    UUID jobId, int number, TaskState previousState, @Nullable Instant queuedAt) {

  /** The one JDBI maps rows with. */
  @JdbiConstructor
  public TaskTransition {}

  public TaskTransition(UUID jobId, int number, TaskState previousState) {
    this(jobId, number, previousState, null);
  }
}
