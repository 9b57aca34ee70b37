package io.findoc.batch.common.topic;

import io.findoc.batch.common.message.Priority;
import java.util.List;

/**
 * The names of the Kafka topics; configuration ({@code findoc.topics.*}) in both applications, with
 * the defaults of {@link #DEFAULTS}.
 *
 * @param tasksHigh task messages of high-priority jobs, keyed by task id
 * @param tasksNormal task messages of normal-priority jobs
 * @param tasksLow task messages of low-priority jobs
 * @param taskStatus status reports from workers, keyed by job id
 * @param deadLetters tasks that failed for good, and messages that could not be read
 * @param control compacted: the pause and cancel signals of jobs, keyed by job id, read by every
 *     worker (see {@link io.findoc.batch.common.message.ControlMessage})
 * @param workers compacted: each worker's latest {@link
 *     io.findoc.batch.common.message.WorkerHeartbeat}, keyed by worker id, read by coordinators
 * @param jobEvents the job and task events as CloudEvents, keyed by job id, for downstream
 *     consumers (see {@link io.findoc.batch.common.event.EventType})
 */
public record TopicNames(
    String tasksHigh,
    String tasksNormal,
    String tasksLow,
    String taskStatus,
    String deadLetters,
    String control,
    String workers,
    String jobEvents) {

  /** The default names, which any name left out (null or blank) falls back to. */
  public static final TopicNames DEFAULTS =
      new TopicNames(null, null, null, null, null, null, null, null);

  public TopicNames {
    tasksHigh = orDefault(tasksHigh, "findoc.tasks.high");
    tasksNormal = orDefault(tasksNormal, "findoc.tasks.normal");
    tasksLow = orDefault(tasksLow, "findoc.tasks.low");
    taskStatus = orDefault(taskStatus, "findoc.task-status");
    deadLetters = orDefault(deadLetters, "findoc.tasks.dlt");
    control = orDefault(control, "findoc.control");
    workers = orDefault(workers, "findoc.workers");
    jobEvents = orDefault(jobEvents, "findoc.job-events");
  }

  private static String orDefault(String name, String fallback) {
    return name == null || name.isBlank() ? fallback : name;
  }

  /** The task topic of a priority. */
  public String tasks(Priority priority) {
    return switch (priority) {
      case HIGH -> tasksHigh;
      case NORMAL -> tasksNormal;
      case LOW -> tasksLow;
    };
  }

  /** The three task topics, high first. */
  public List<String> allTaskTopics() {
    return List.of(tasksHigh, tasksNormal, tasksLow);
  }
}
