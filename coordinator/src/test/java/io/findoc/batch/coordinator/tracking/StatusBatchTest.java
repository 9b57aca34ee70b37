package io.findoc.batch.coordinator.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.findoc.batch.common.id.JobId;
import io.findoc.batch.common.json.RawJson;
import io.findoc.batch.common.message.StatusKind;
import io.findoc.batch.common.message.StatusMessage;
import io.findoc.batch.common.message.TaskError;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusBatchTest {

  private final JobId job = JobId.random();

  private StatusMessage report(StatusKind kind, int number, int attempt) {
    Instant now = Instant.parse("2026-11-28T12:00:00Z");
    return new StatusMessage(
        StatusMessage.VERSION,
        kind,
        job,
        number,
        attempt,
        "w",
        now,
        kind.isFinal() ? now : null,
        kind == StatusKind.SUCCEEDED ? RawJson.of(Map.of()) : null,
        kind == StatusKind.FAILED ? new TaskError("X", "x", true) : null);
  }

  @Test
  void finalReportReplacesTheStartOfTheSameAttempt() {
    StatusBatch batch = new StatusBatch();
    batch.add(report(StatusKind.STARTED, 1, 1));
    batch.add(report(StatusKind.SUCCEEDED, 1, 1));

    assertThat(batch.of(StatusKind.STARTED)).isEmpty();
    assertThat(batch.of(StatusKind.SUCCEEDED)).hasSize(1);
    assertThat(batch.repeated()).isZero();
  }

  @Test
  void startAfterTheFinalReportIsDroppedAsRepeated() {
    StatusBatch batch = new StatusBatch();
    batch.add(report(StatusKind.SUCCEEDED, 1, 1));
    batch.add(report(StatusKind.STARTED, 1, 1));

    assertThat(batch.of(StatusKind.SUCCEEDED)).hasSize(1);
    assertThat(batch.of(StatusKind.STARTED)).isEmpty();
    assertThat(batch.repeated()).isEqualTo(1);
  }

  @Test
  void secondFinalReportOfAnAttemptIsDroppedAndTheFirstKept() {
    StatusBatch batch = new StatusBatch();
    batch.add(report(StatusKind.FAILED, 1, 1));
    batch.add(report(StatusKind.SUCCEEDED, 1, 1));

    assertThat(batch.of(StatusKind.FAILED)).hasSize(1);
    assertThat(batch.of(StatusKind.SUCCEEDED)).isEmpty();
    assertThat(batch.repeated()).isEqualTo(1);
  }

  @Test
  void attemptsOfOneTaskAreKeptApartForTheGuardsToJudge() {
    StatusBatch batch = new StatusBatch();
    batch.add(report(StatusKind.FAILED, 1, 1));
    batch.add(report(StatusKind.SUCCEEDED, 1, 2));

    assertThat(batch.size()).isEqualTo(2);
  }

  @Test
  void heartbeatsAndStartsFoldIntoTheFurthestReportOfTheirAttempt() {
    StatusBatch batch = new StatusBatch();
    batch.add(report(StatusKind.HEARTBEAT, 1, 1));
    batch.add(report(StatusKind.STARTED, 1, 1));
    batch.add(report(StatusKind.HEARTBEAT, 1, 1));
    batch.add(report(StatusKind.SUCCEEDED, 1, 1));

    assertThat(batch.of(StatusKind.SUCCEEDED)).hasSize(1);
    assertThat(batch.size()).isEqualTo(1);
    assertThat(batch.folded()).isEqualTo(3);
    assertThat(batch.repeated()).isZero();
  }

  @Test
  void aStartAfterAHeartbeatOfItsAttemptIsKeptSoTheTaskRuns() {
    StatusBatch batch = new StatusBatch();
    batch.add(report(StatusKind.HEARTBEAT, 1, 1));
    batch.add(report(StatusKind.STARTED, 1, 1));

    assertThat(batch.of(StatusKind.STARTED)).hasSize(1);
    assertThat(batch.of(StatusKind.HEARTBEAT)).isEmpty();
  }

  @Test
  void eachKeptReportKnowsWhatWasFoldedIntoIt() {
    StatusBatch batch = new StatusBatch();
    batch.add(report(StatusKind.STARTED, 1, 1));
    batch.add(report(StatusKind.HEARTBEAT, 1, 1));
    batch.add(report(StatusKind.FAILED, 1, 1));
    batch.add(report(StatusKind.SUCCEEDED, 2, 1));

    assertThat(batch.foldedInto(batch.of(StatusKind.FAILED).get(0))).isEqualTo(2);
    assertThat(batch.foldedInto(batch.of(StatusKind.SUCCEEDED).get(0))).isZero();
  }
}
