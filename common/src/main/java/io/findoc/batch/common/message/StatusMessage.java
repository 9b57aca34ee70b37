package io.findoc.batch.common.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.findoc.batch.common.id.JobId;
import io.findoc.batch.common.id.TaskId;
import io.findoc.batch.common.json.IsoInstant;
import io.findoc.batch.common.json.RawJson;
import java.time.Instant;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * What a worker reports about one attempt, on the status topic keyed by job id. A final report
 * ({@link StatusKind#SUCCEEDED}, {@link StatusKind#FAILED}) repeats {@code startedAt}, so it is
 * complete even when the coordinator applies it without (or before) the {@code STARTED} report.
 *
 * @param version the message format version, {@link #VERSION} for this record
 * @param worker the reporting worker's id
 * @param startedAt when the processor started, by the worker's clock; null if it never started
 * @param finishedAt when the attempt ended; null on {@code STARTED}
 * @param result the processor's result (a JSON object, kept as its text) on {@code SUCCEEDED},
 *     otherwise null
 * @param error the failure on {@code FAILED}, otherwise null
 * @param compensation whether the attempt was a compensation ({@link TaskMessage#compensation()});
 *     its {@code attempt} then counts compensation attempts
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusMessage(
    int version,
    StatusKind kind,
    JobId jobId,
    int taskNumber,
    int attempt,
    String worker,
    @JsonSerialize(using = IsoInstant.Writer.class)
        @JsonDeserialize(using = IsoInstant.Reader.class)
        Instant startedAt,
    @JsonSerialize(using = IsoInstant.Writer.class)
        @JsonDeserialize(using = IsoInstant.Reader.class)
        Instant finishedAt,
    RawJson result,
    TaskError error,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) Boolean compensation) {

  public static final int VERSION = 1;

  public StatusMessage {
    // Reports of older workers have no flag: they report the task.
    compensation = Boolean.TRUE.equals(compensation);
  }

  /** A report of an attempt that ran the task (not a compensation). */
  public StatusMessage(
      int version,
      StatusKind kind,
      JobId jobId,
      int taskNumber,
      int attempt,
      String worker,
      Instant startedAt,
      Instant finishedAt,
      RawJson result,
      TaskError error) {
    this(
        version,
        kind,
        jobId,
        taskNumber,
        attempt,
        worker,
        startedAt,
        finishedAt,
        result,
        error,
        false);
  }

  public static StatusMessage started(TaskMessage task, String worker, Instant at) {
    return about(task, StatusKind.STARTED, worker, at, null, null, null);
  }

  public static StatusMessage succeeded(
      TaskMessage task, String worker, Instant startedAt, Instant at, RawJson result) {
    return about(task, StatusKind.SUCCEEDED, worker, startedAt, at, result, null);
  }

  public static StatusMessage failed(
      TaskMessage task, String worker, Instant startedAt, Instant at, TaskError error) {
    return about(task, StatusKind.FAILED, worker, startedAt, at, null, error);
  }

  /** The attempt, started at {@code startedAt}, is still running. */
  public static StatusMessage heartbeat(
      TaskMessage task, String worker, Instant startedAt, Instant at) {
    return about(task, StatusKind.HEARTBEAT, worker, startedAt, at, null, null);
  }

  /** The worker put the attempt back without running it: the job is paused. */
  public static StatusMessage deferred(TaskMessage task, String worker, Instant at) {
    return about(task, StatusKind.DEFERRED, worker, null, at, null, null);
  }

  /**
   * The attempt stopped, or never started, because the job was cancelled; {@code startedAt} is null
   * if it never started.
   */
  public static StatusMessage cancelled(
      TaskMessage task, String worker, Instant startedAt, Instant at) {
    return about(task, StatusKind.CANCELLED, worker, startedAt, at, null, null);
  }

  /** A report of {@code kind} on the attempt {@code task}, compensation or not as it is. */
  private static StatusMessage about(
      TaskMessage task,
      StatusKind kind,
      String worker,
      Instant startedAt,
      Instant finishedAt,
      RawJson result,
      TaskError error) {
    return new StatusMessage(
        VERSION,
        kind,
        task.jobId(),
        task.taskNumber(),
        task.attempt(),
        worker,
        startedAt,
        finishedAt,
        result,
        error,
        task.compensation());
  }

  public TaskId taskId() {
    return new TaskId(jobId, taskNumber);
  }
}
