package io.findoc.batch.coordinator.control;

import static io.findoc.batch.coordinator.testing.Submission.aSubmission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.findoc.batch.coordinator.testing.StackExtension;
import io.findoc.batch.coordinator.testing.TopicRecords;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Signals of finished jobs leave the control topic; those of unfinished ones stay. */
class ControlJanitorIT {

  @RegisterExtension
  static final StackExtension stack =
      StackExtension.coordinatorOnly(
          Map.of("findoc.control.retention", "0s", "findoc.control.cleanup-period", "200ms"));

  @Test
  void aCancelledJobsSignalIsLiftedAfterTheRetentionAndAPausedJobsStays() {
    String cancelled = stack.api().submit(aSubmission().tasks(2).json());
    String paused = stack.api().submit(aSubmission().tasks(2).json());
    stack.api().put("/api/batch/jobs/" + paused + "/pause");

    stack.api().delete("/api/batch/jobs/" + cancelled);

    List<ConsumerRecord<String, byte[]>> signals =
        TopicRecords.keyed(stack.property("findoc.topics.control"), cancelled, 2);
    assertThat(signals.get(0).value()).isNotNull();
    assertThat(signals.get(1).value()).as("a tombstone").isNull();
    await().atMost(Duration.ofSeconds(10)).until(() -> controlSignal(cancelled) == null);
    assertThat(controlSignal(paused)).isEqualTo("PAUSE");
    assertThat(TopicRecords.keyed(stack.property("findoc.topics.control"), paused, 1))
        .singleElement()
        .satisfies(record -> assertThat(record.value()).isNotNull());
  }

  private static String controlSignal(String job) {
    return stack
        .jdbi()
        .withHandle(
            h ->
                h.select("SELECT control_signal FROM job WHERE id = CAST(:id AS uuid)")
                    .bind("id", job)
                    .mapTo(String.class)
                    .one());
  }
}
