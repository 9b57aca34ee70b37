package io.findoc.batch.common.message;

import io.findoc.batch.common.json.PostgresText;
import java.time.Instant;
import java.util.Optional;

/**
 * What a {@link StatusMessage} must be for the coordinator to apply it: a report that breaks one of
 * these rules could only be refused by the database (PostgreSQL takes no NUL character in text or
 * jsonb, no timestamp past year 294276, no task number below 1), or would write a state the task
 * table forbids (a final report without its finish time). The coordinator checks every report
 * against them before it touches the database and dead-letters those that break one, with the
 * rule's sentence as the reason.
 */
public final class StatusReportRules {

  /** The longest worker id a report may carry. */
  public static final int MAX_WORKER_CHARS = 256;

  /** The longest error code. */
  public static final int MAX_CODE_CHARS = 128;

  /** The longest error message. */
  public static final int MAX_MESSAGE_CHARS = 16_384;

  /** The longest stack trace: twice what a worker sends ({@link TaskError#MAX_TRACE_CHARS}). */
  public static final int MAX_TRACE_CHARS = 2 * TaskError.MAX_TRACE_CHARS;

  /** The earliest time a report may name: no worker's clock is before it. */
  public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

  /** The latest time a report may name: PostgreSQL's timestamps end long after it. */
  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  private StatusReportRules() {}

  /** The first rule {@code report} breaks, as a sentence; empty if it keeps them all. */
  public static Optional<String> violation(StatusMessage report) {
    return Optional.ofNullable(firstViolation(report));
  }

  private static String firstViolation(StatusMessage report) {
    if (report.version() != StatusMessage.VERSION) {
      return "version "
          + report.version()
          + " is not the version read here ("
          + StatusMessage.VERSION
          + ")";
    }
    if (report.kind() == null) {
      return "kind is missing";
    }
    if (report.jobId() == null) {
      return "jobId is missing";
    }
    if (report.taskNumber() < 1) {
      return "taskNumber " + report.taskNumber() + " is below 1";
    }
    if (report.attempt() < 1) {
      return "attempt " + report.attempt() + " is below 1";
    }
    String text = text("worker", report.worker(), MAX_WORKER_CHARS);
    if (text != null) {
      return text;
    }
    String times = times(report);
    if (times != null) {
      return times;
    }
    String error = error(report.kind(), report.error());
    if (error != null) {
      return error;
    }
    return report.result() == null ? null : report.result().problem();
  }

  private static String times(StatusMessage report) {
    String started = time("startedAt", report.startedAt());
    if (started != null) {
      return started;
    }
    String finished = time("finishedAt", report.finishedAt());
    if (finished != null) {
      return finished;
    }
    if (report.kind() == StatusKind.STARTED && report.startedAt() == null) {
      return "startedAt is missing on a STARTED report";
    }
    if ((report.kind() == StatusKind.SUCCEEDED || report.kind() == StatusKind.FAILED)
        && report.finishedAt() == null) {
      return "finishedAt is missing on a " + report.kind() + " report";
    }
    if (report.startedAt() != null
        && report.finishedAt() != null
        && report.finishedAt().isBefore(report.startedAt())) {
      return "finishedAt " + report.finishedAt() + " is before startedAt " + report.startedAt();
    }
    return null;
  }

  private static String time(String field, Instant at) {
    if (at != null && (at.isBefore(EARLIEST) || at.isAfter(LATEST))) {
      return field + " " + at + " is outside " + EARLIEST + " .. " + LATEST;
    }
    return null;
  }

  private static String error(StatusKind kind, TaskError error) {
    if (error == null) {
      return null;
    }
    if (kind != StatusKind.FAILED) {
      return "error is set on a " + kind + " report";
    }
    if (error.code() == null || error.code().isBlank()) {
      return "error.code is missing";
    }
    String code = text("error.code", error.code(), MAX_CODE_CHARS);
    if (code != null) {
      return code;
    }
    String message = text("error.message", error.message(), MAX_MESSAGE_CHARS);
    return message != null ? message : text("error.trace", error.trace(), MAX_TRACE_CHARS);
  }

  /** Null if {@code value} is null or text PostgreSQL takes, of at most {@code max} chars. */
  private static String text(String field, String value, int max) {
    if (value == null) {
      return null;
    }
    if (value.length() > max) {
      return field + " has " + value.length() + " characters, more than " + max;
    }
    return PostgresText.problem(field, value);
  }
}
