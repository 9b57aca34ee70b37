package io.findoc.batch.common.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.findoc.batch.common.json.JsonSerde;
import io.findoc.batch.common.json.UnreadableMessageException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reports as another Kafka client could write them, read as the coordinator reads them. */
class StatusReportRulesTest {

  private static final String JOB = "\"jobId\":\"5f1c2a3e-0000-4000-8000-000000000001\"";
  private static final String TIMES =
      "\"startedAt\":\"2026-12-03T10:00:00Z\",\"finishedAt\":\"2026-12-03T10:00:01Z\"";

  private static final JsonSerde<StatusMessage> SERDE = new JsonSerde<>(StatusMessage.class);

  private static StatusMessage read(String json) {
    return SERDE.deserialize("status", json.getBytes(StandardCharsets.UTF_8));
  }

  static Stream<Arguments> validReports() {
    return Stream.of(
        Arguments.of(
            "{\"version\":1,\"kind\":\"STARTED\","
                + JOB
                + ",\"taskNumber\":1,\"attempt\":1,\"worker\":\"w-1\","
                + "\"startedAt\":\"2026-12-03T10:00:00Z\"}"),
        Arguments.of(
            "{\"version\":1,\"kind\":\"HEARTBEAT\","
                + JOB
                + ",\"taskNumber\":1,\"attempt\":1,\"worker\":\"w-1\","
                + TIMES
                + "}"),
        Arguments.of(
            "{\"version\":1,\"kind\":\"SUCCEEDED\","
                + JOB
                + ",\"taskNumber\":7,\"attempt\":2,\"worker\":\"w-1\","
                + TIMES
                + ",\"result\":{\"total\":\"1234.56\",\"n\":[1,2.5,{\"ü\":\"€ 😀\"}],\"ok\":true,"
                + "\"none\":null}}"),
        Arguments.of(
            "{\"version\":1,\"kind\":\"SUCCEEDED\","
                + JOB
                + ",\"taskNumber\":7,\"attempt\":2,\"worker\":\"w-1\","
                + TIMES
                + "}"),
        Arguments.of(
            "{\"version\":1,\"kind\":\"FAILED\","
                + JOB
                + ",\"taskNumber\":1,\"attempt\":1,\"worker\":\"w-1\","
                + TIMES
                + ",\"error\":{\"code\":\"DOC_NOT_FOUND\",\"message\":\"404\",\"retryable\":false}}"),
        Arguments.of(
            "{\"version\":1,\"kind\":\"FAILED\","
                + JOB
                + ",\"taskNumber\":1,\"attempt\":1,\"worker\":\"w-1\","
                + TIMES
                + "}"),
        Arguments.of(
            "{\"version\":1,\"kind\":\"DEFERRED\","
                + JOB
                + ",\"taskNumber\":1,\"attempt\":1,\"worker\":\"w-1\","
                + "\"finishedAt\":\"2026-12-03T10:00:01Z\"}"),
        Arguments.of(
            "{\"version\":1,\"kind\":\"CANCELLED\","
                + JOB
                + ",\"taskNumber\":1,\"attempt\":1,\"worker\":\"w-1\","
                + "\"finishedAt\":\"2026-12-03T10:00:01Z\",\"compensation\":true}"));
  }

  @ParameterizedTest
  @MethodSource("validReports")
  void reportsAsWorkersWriteThemKeepEveryRule(String json) {
    assertThat(StatusReportRules.violation(read(json))).isEmpty();
  }

  static Stream<Arguments> invalidReports() {
    String succeeded = "{\"version\":1,\"kind\":\"SUCCEEDED\"," + JOB + ",\"worker\":\"w-1\",";
    String failed = "{\"version\":1,\"kind\":\"FAILED\"," + JOB + ",\"worker\":\"w-1\",";
    String task = "\"taskNumber\":1,\"attempt\":1,";
    return Stream.of(
        Arguments.of(
            "no jobId",
            "{\"version\":1,\"kind\":\"SUCCEEDED\",\"taskNumber\":1,\"attempt\":1," + TIMES + "}",
            "jobId is missing"),
        Arguments.of(
            "no kind",
            "{\"version\":1," + JOB + ",\"taskNumber\":1,\"attempt\":1," + TIMES + "}",
            "kind is missing"),
        Arguments.of(
            "a newer version",
            "{\"version\":2,\"kind\":\"SUCCEEDED\"," + JOB + "," + task + TIMES + "}",
            "version 2"),
        Arguments.of(
            "task number 0",
            succeeded + "\"taskNumber\":0,\"attempt\":1," + TIMES + "}",
            "taskNumber 0 is below 1"),
        Arguments.of(
            "a negative task number",
            succeeded + "\"taskNumber\":-5,\"attempt\":1," + TIMES + "}",
            "taskNumber -5"),
        Arguments.of(
            "attempt 0",
            succeeded + "\"taskNumber\":1,\"attempt\":0," + TIMES + "}",
            "attempt 0 is below 1"),
        Arguments.of(
            "a NUL in the worker",
            "{\"version\":1,\"kind\":\"SUCCEEDED\","
                + JOB
                + ","
                + task
                + "\"worker\":\"w\\u0000x\","
                + TIMES
                + "}",
            "worker has a NUL character at 1"),
        Arguments.of(
            "a worker id of 10,000 characters",
            "{\"version\":1,\"kind\":\"SUCCEEDED\","
                + JOB
                + ","
                + task
                + "\"worker\":\""
                + "w".repeat(10_000)
                + "\","
                + TIMES
                + "}",
            "worker has 10000 characters"),
        Arguments.of(
            "a NUL in a result value",
            succeeded + task + TIMES + ",\"result\":{\"name\":\"ACME\\u0000\"}}",
            "result.name has a NUL character"),
        Arguments.of(
            "a NUL in a nested result key",
            succeeded + task + TIMES + ",\"result\":{\"a\":[{\"k\\u0000\":1}]}}",
            "result.a[0] key has a NUL character"),
        Arguments.of(
            "an unpaired surrogate in the result",
            succeeded + task + TIMES + ",\"result\":{\"name\":\"\\ud800\"}}",
            "unpaired surrogate"),
        Arguments.of(
            "a result that is not an object",
            succeeded + task + TIMES + ",\"result\":[1,2]}",
            "result is START_ARRAY, not a JSON object"),
        Arguments.of(
            "a NUL in the error message",
            failed
                + task
                + TIMES
                + ",\"error\":{\"code\":\"X\",\"message\":\"a\\u0000b\",\"retryable\":true}}",
            "error.message has a NUL character"),
        Arguments.of(
            "a NUL in the error trace",
            failed
                + task
                + TIMES
                + ",\"error\":{\"code\":\"X\",\"trace\":\"\\u0000\",\"retryable\":true}}",
            "error.trace has a NUL character"),
        Arguments.of(
            "an error without a code",
            failed + task + TIMES + ",\"error\":{\"message\":\"m\",\"retryable\":false}}",
            "error.code is missing"),
        Arguments.of(
            "an error code of 500 characters",
            failed
                + task
                + TIMES
                + ",\"error\":{\"code\":\""
                + "X".repeat(500)
                + "\",\"retryable\":false}}",
            "error.code has 500 characters"),
        Arguments.of(
            "an error on a success",
            succeeded + task + TIMES + ",\"error\":{\"code\":\"X\",\"retryable\":false}}",
            "error is set on a SUCCEEDED report"),
        Arguments.of(
            "a success without its finish time",
            succeeded + task + "\"startedAt\":\"2026-12-03T10:00:00Z\"}",
            "finishedAt is missing on a SUCCEEDED report"),
        Arguments.of(
            "a start without its start time",
            "{\"version\":1,\"kind\":\"STARTED\"," + JOB + "," + task + "\"worker\":\"w\"}",
            "startedAt is missing on a STARTED report"),
        Arguments.of(
            "a finish before the start",
            succeeded
                + task
                + "\"startedAt\":\"2026-12-03T10:00:01Z\",\"finishedAt\":\"2026-12-03T10:00:00Z\"}",
            "is before startedAt"),
        Arguments.of(
            "a time in year 300,000",
            succeeded
                + task
                + "\"startedAt\":\"2026-12-03T10:00:00Z\",\"finishedAt\":\"+300000-01-01T00:00:00Z\"}",
            "finishedAt +300000-01-01T00:00:00Z is outside"),
        Arguments.of(
            "a time before the epoch of any worker",
            succeeded
                + task
                + "\"startedAt\":\"1900-01-01T00:00:00Z\",\"finishedAt\":\"2026-12-03T10:00:00Z\"}",
            "startedAt 1900-01-01T00:00:00Z is outside"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidReports")
  void aReportThatBreaksARuleIsToldWhichOne(String what, String json, String violation) {
    assertThat(StatusReportRules.violation(read(json)))
        .hasValueSatisfying(v -> assertThat(v).contains(violation));
  }

  static Stream<Arguments> unreadableReports() {
    return Stream.of(
        Arguments.of("no version", "{\"kind\":\"SUCCEEDED\"," + JOB + ",\"taskNumber\":1}"),
        Arguments.of(
            "a task number beyond int",
            "{\"version\":1,\"kind\":\"SUCCEEDED\"," + JOB + ",\"taskNumber\":99999999999}"),
        Arguments.of("an unknown kind", "{\"version\":1,\"kind\":\"EXPLODED\"," + JOB + "}"),
        Arguments.of(
            "a number of 2,000 digits",
            "{\"version\":1,\"kind\":\"SUCCEEDED\","
                + JOB
                + ",\"result\":{\"n\":"
                + "9".repeat(2000)
                + "}}"));
  }

  /** These never reach the rules: the coordinator dead-letters them as unreadable. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("unreadableReports")
  void reportsJacksonCannotReadAreUnreadable(String what, String json) {
    assertThatThrownBy(() -> read(json)).isInstanceOf(UnreadableMessageException.class);
  }
}
