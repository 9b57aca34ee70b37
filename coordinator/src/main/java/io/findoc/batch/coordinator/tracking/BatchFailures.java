package io.findoc.batch.coordinator.tracking;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Set;
import org.apache.kafka.common.KafkaException;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.transaction.TransactionException;

/**
 * Tells why a status batch could not be applied: because of what some of its reports say, or
 * because the database or the broker is not there. Only the first kind is split and dead-lettered
 * report by report; a batch that failed for the second kind is tried again whole, so that an outage
 * skips nothing.
 *
 * <p>A database error is tied to the reports when PostgreSQL names the data: class 22 (data
 * exception: a character the encoding refuses, a time out of range, bad JSON), 23 (a constraint the
 * row breaks) or 54 (a limit the value exceeds). Every other SQL state (the connection lost, the
 * server shutting down or read-only, a deadlock, a lock time-out, an error raised by a trigger or
 * an operator, a statement the schema does not fit) says nothing about the batch's reports. An
 * exception with no SQL state behind it is the coordinator's own code failing on a report it did
 * not foresee, and is tied to the reports too, unless it is JDBI's connection or transaction
 * failure or the broker not taking the dead letters.
 */
final class BatchFailures {

  private static final Set<String> DATA_CLASSES = Set.of("22", "23", "54");
  private static final int MAX_DESCRIPTION = 1000;

  private BatchFailures() {}

  /** Whether {@code failure} came from the reports applied, not from the database or broker. */
  static boolean tiedToReports(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        String state = sql.getSQLState();
        return state != null && state.length() >= 2 && DATA_CLASSES.contains(state.substring(0, 2));
      }
      if (cause instanceof ConnectionException
          || cause instanceof TransactionException
          || cause instanceof DeadLettersNotPublishedException
          || cause instanceof IOException
          || cause instanceof KafkaException
          || cause instanceof InterruptedException) {
        return false;
      }
    }
    return failure instanceof RuntimeException;
  }

  /**
   * What went wrong, short enough for a log line or a header: the SQL state and PostgreSQL's own
   * message where there is one (JDBI's message repeats the statement and all its arguments).
   */
  static String describe(Throwable failure) {
    String description = failure.toString();
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        description = "SQL state " + sql.getSQLState() + ": " + sql.getMessage();
        break;
      }
    }
    return description.length() <= MAX_DESCRIPTION
        ? description
        : description.substring(0, MAX_DESCRIPTION - 3) + "...";
  }
}
