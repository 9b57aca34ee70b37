package io.findoc.batch.coordinator.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.kafka.common.errors.TimeoutException;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BatchFailuresTest {

  private static RuntimeException statementFailed(String sqlState) {
    return new UnableToExecuteStatementException(new SQLException("refused", sqlState), null);
  }

  @ParameterizedTest(name = "SQL state {0}: tied to the reports {1}")
  @CsvSource({
    "22P05, true", // untranslatable character (a NUL in jsonb)
    "22021, true", // character not in repertoire
    "22008, true", // datetime field overflow
    "22003, true", // numeric value out of range
    "23514, true", // check constraint
    "23505, true", // unique violation
    "54000, true", // program limit exceeded
    "08006, false", // connection failure
    "08001, false", // cannot connect
    "57P01, false", // admin shutdown
    "53300, false", // too many connections
    "40001, false", // serialization failure
    "40P01, false", // deadlock
    "55P03, false", // lock not available
    "25006, false", // read-only transaction (a fail-over)
    "P0001, false", // raised by a trigger or an operator
    "42P01, false", // the schema does not fit the statement
    "XX000, false" // internal error
  })
  void aDatabaseErrorIsTiedToTheReportsOnlyWhenPostgresNamesTheData(String sqlState, boolean tied) {
    assertThat(BatchFailures.tiedToReports(statementFailed(sqlState))).isEqualTo(tied);
  }

  @Test
  void noConnectionIsAnOutage() {
    assertThat(
            BatchFailures.tiedToReports(
                new ConnectionException(new SQLTransientConnectionException("pool timed out"))))
        .isFalse();
    assertThat(BatchFailures.tiedToReports(new IllegalStateException(new ConnectException())))
        .isFalse();
    assertThat(BatchFailures.tiedToReports(statementFailed(null))).isFalse();
  }

  @Test
  void theBrokerNotTakingTheDeadLettersIsAnOutage() {
    assertThat(
            BatchFailures.tiedToReports(
                new DeadLettersNotPublishedException("not taken", new TimeoutException("t"))))
        .isFalse();
  }

  @Test
  void theCoordinatorsOwnCodeFailingOnAReportIsTiedToIt() {
    assertThat(BatchFailures.tiedToReports(new NullPointerException("report.jobId()"))).isTrue();
    assertThat(BatchFailures.tiedToReports(new IllegalArgumentException("bad"))).isTrue();
  }

  @Test
  void theDescriptionIsPostgresMessageNotTheStatement() {
    assertThat(BatchFailures.describe(statementFailed("22P05")))
        .isEqualTo("SQL state 22P05: refused");
    assertThat(BatchFailures.describe(new IllegalStateException("x".repeat(5000)))).hasSize(1000);
  }
}
