package io.findoc.batch.common.message;

import java.time.Instant;

/**
 * An operator's instruction to one worker, on the compacted control topic beside the jobs' ({@link
 * ControlMessage}), keyed {@code worker:<id>} ({@link #key}). The only instruction is to drain: the
 * worker takes no new task, finishes those it has and leaves the task topics' consumer groups, so
 * their partitions go to the other workers. A tombstone under the key lets it take tasks again; the
 * record outlives a restart, so a drained worker that restarts stays drained.
 *
 * @param version the message format version, {@link #VERSION} for this record
 * @param worker the worker's id ({@code findoc.worker.id})
 * @param drain always true: the worker is to drain (a tombstone undoes it)
 * @param at when the coordinator decided it
 */
public record WorkerControlMessage(int version, String worker, boolean drain, Instant at) {

  public static final int VERSION = 1;

  /** The prefix of the keys of worker instructions; job instructions are keyed by job id. */
  public static final String KEY_PREFIX = "worker:";

  /** The control topic's key for instructions to {@code workerId}. */
  public static String key(String workerId) {
    return KEY_PREFIX + workerId;
  }

  /** Whether {@code key} is a worker instruction's key rather than a job's. */
  public static boolean isWorkerKey(String key) {
    return key != null && key.startsWith(KEY_PREFIX);
  }
}
