package io.findoc.batch.common.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.findoc.batch.common.id.JobId;
import io.findoc.batch.common.json.JsonSerde;
import io.findoc.batch.common.json.RawJson;
import io.findoc.batch.common.json.UnreadableMessageException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageRoundTripTest {

  private final JsonSerde<TaskMessage> tasks = new JsonSerde<>(TaskMessage.class);
  private final JsonSerde<StatusMessage> statuses = new JsonSerde<>(StatusMessage.class);

  private final TaskMessage task =
      new TaskMessage(
          TaskMessage.VERSION,
          JobId.random(),
          7,
          2,
          "acme",
          Priority.HIGH,
          "simulate",
          Map.of("sleepMs", 5),
          new Document("inv-7", null, "JVBERi0=", "application/pdf", null));

  @Test
  void taskMessageSurvivesTheWire() {
    assertThat(tasks.deserialize("t", tasks.serialize("t", task))).isEqualTo(task);
  }

  @Test
  void aStoredTaskMessageIsReadAsTheTaskMessageItStandsFor() {
    // Stored JSON as PostgreSQL's jsonb gives it back: spaced, keys reordered, escapes kept.
    StoredTaskMessage stored =
        new StoredTaskMessage(
            TaskMessage.VERSION,
            task.jobId(),
            7,
            2,
            "acme",
            Priority.HIGH,
            "simulate",
            "{\"sleepMs\": 5, \"mode\": {\"fail\": [1, 2]}}",
            "{\"id\": \"inv-7\", \"text\": \"Total \\\"€ 12\\\"\\n\", \"contentType\": null}",
            true);
    byte[] wire = new JsonSerde<>(StoredTaskMessage.class).serialize("t", stored);
    assertThat(tasks.deserialize("t", wire))
        .isEqualTo(
            new TaskMessage(
                TaskMessage.VERSION,
                task.jobId(),
                7,
                2,
                "acme",
                Priority.HIGH,
                "simulate",
                Map.of("sleepMs", 5, "mode", Map.of("fail", List.of(1, 2))),
                new Document("inv-7", null, null, null, "Total \"€ 12\"\n"),
                true));
  }

  @Test
  void aStoredTaskMessageWithoutOptionsHasEmptyOptions() {
    StoredTaskMessage stored =
        new StoredTaskMessage(
            TaskMessage.VERSION,
            task.jobId(),
            1,
            1,
            "acme",
            Priority.LOW,
            "noop",
            null,
            "{\"id\": \"d\"}",
            false);
    TaskMessage read =
        tasks.deserialize("t", new JsonSerde<>(StoredTaskMessage.class).serialize("t", stored));
    assertThat(read.options()).isEmpty();
    assertThat(read.compensation()).isFalse();
    assertThat(read.taskId()).isEqualTo(stored.taskId());
  }

  @Test
  void everyStatusKindSurvivesTheWire() {
    Instant start = Instant.parse("2026-11-28T10:15:30.123456Z");
    Instant end = start.plusMillis(40);
    for (StatusMessage status :
        new StatusMessage[] {
          StatusMessage.started(task, "w-1", start),
          StatusMessage.succeeded(task, "w-1", start, end, RawJson.of(Map.of("pages", 3))),
          StatusMessage.failed(task, "w-1", start, end, new TaskError("X_FAILED", "boom", true)),
          StatusMessage.deferred(task, "w-1", end),
          StatusMessage.heartbeat(task, "w-1", start, end),
          StatusMessage.cancelled(task, "w-1", start, end),
          StatusMessage.cancelled(task, "w-1", null, end)
        }) {
      assertThat(statuses.deserialize("s", statuses.serialize("s", status))).isEqualTo(status);
    }
  }

  @Test
  void controlMessageSurvivesTheWireWithTheActionInLowerCase() {
    JsonSerde<ControlMessage> controls = new JsonSerde<>(ControlMessage.class);
    ControlMessage pause =
        new ControlMessage(
            ControlMessage.VERSION,
            JobId.random(),
            ControlAction.PAUSE,
            Instant.parse("2026-11-28T10:15:30Z"));
    byte[] wire = controls.serialize("c", pause);
    assertThat(new String(wire, StandardCharsets.UTF_8)).contains("\"action\":\"pause\"");
    assertThat(controls.deserialize("c", wire)).isEqualTo(pause);
  }

  @Test
  void priorityAndTimesAreSpelledForHumans() {
    String json = new String(tasks.serialize("t", task), StandardCharsets.UTF_8);
    assertThat(json).contains("\"priority\":\"high\"").contains("\"version\":1");
    String status =
        new String(
            statuses.serialize(
                "s", StatusMessage.started(task, "w", Instant.parse("2026-01-02T03:04:05Z"))),
            StandardCharsets.UTF_8);
    assertThat(status).contains("\"startedAt\":\"2026-01-02T03:04:05Z\"").doesNotContain("error");
  }

  @Test
  void fieldsFromANewerProducerAreIgnored() {
    String json =
        new String(tasks.serialize("t", task), StandardCharsets.UTF_8)
            .replaceFirst("\\{", "{\"addedLater\":true,");
    assertThat(tasks.deserialize("t", json.getBytes(StandardCharsets.UTF_8))).isEqualTo(task);
  }

  @Test
  void poisonBytesRaiseUnreadableMessageNamingTheTopic() {
    assertThatThrownBy(() -> tasks.deserialize("findoc.tasks.low", new byte[] {0, 1, 2, '{'}))
        .isInstanceOf(UnreadableMessageException.class)
        .hasMessageContaining("findoc.tasks.low")
        .hasMessageContaining("TaskMessage");
    assertThatThrownBy(
            () ->
                tasks.deserialize(
                    "t", "{\"jobId\":\"not-a-uuid\"}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(UnreadableMessageException.class);
  }
}
