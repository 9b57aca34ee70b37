package io.findoc.batch.coordinator.tracking;

import java.util.Locale;

/**
 * What became of one status report: every report the coordinator consumes is counted under exactly
 * one of these, in {@code findoc.status.reports{outcome}}.
 */
public enum ReportOutcome {
  /** It moved its task or compensation on. */
  APPLIED,
  /** A heartbeat that extended the lease of its running attempt. */
  HEARTBEAT,
  /**
   * A {@code STARTED} or {@code HEARTBEAT} that a further report of the same attempt in the same
   * batch made unnecessary (a final report repeats the start time).
   */
  FOLDED,
  /** A {@code CANCELLED} report, which closes an attempt the cancellation already ended. */
  CLOSED,
  /** A repeat of a report already applied to the task's current attempt: changed nothing. */
  DUPLICATE,
  /**
   * A report of an attempt older than the task's current one (fenced out), of a task that does not
   * exist, or a heartbeat of an attempt no longer running: changed nothing.
   */
  LATE,
  /** Not JSON of a status report: dead-lettered. */
  UNREADABLE,
  /** Breaks a rule of {@code StatusReportRules}: dead-lettered. */
  INVALID,
  /** Refused by the database for what it says: dead-lettered. */
  REFUSED;

  /** The meter tag. */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
