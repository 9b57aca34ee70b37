package io.findoc.batch.worker.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.findoc.batch.common.id.JobId;
import io.findoc.batch.common.message.Document;
import io.findoc.batch.common.message.Priority;
import io.findoc.batch.common.message.TaskMessage;
import io.findoc.batch.worker.execution.Outcome;
import io.findoc.batch.worker.execution.ProcessingException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulateProcessorTest {

  private final SimulateProcessor simulate = new SimulateProcessor();

  private static TaskMessage task(String document, int attempt, Map<String, Object> options) {
    return new TaskMessage(
        TaskMessage.VERSION,
        JobId.random(),
        1,
        attempt,
        "t",
        Priority.NORMAL,
        "simulate",
        options,
        Document.ofText(document, "x"));
  }

  @Test
  void succeedsWithTheDocumentAndAttemptByDefault() throws Exception {
    Outcome outcome = simulate.process(task("d-1", 2, Map.of()));

    assertThat(outcome).isInstanceOf(Outcome.Succeeded.class);
    assertThat(((Outcome.Succeeded) outcome).result())
        .containsEntry("document", "d-1")
        .containsEntry("attempt", 2);
  }

  @Test
  void listedDocumentsFailEveryAttempt() throws Exception {
    Map<String, Object> options = Map.of("failDocuments", List.of("d-2"), "failure", "permanent");

    assertThat(simulate.process(task("d-2", 1, options)))
        .isInstanceOf(Outcome.PermanentFailure.class);
    assertThat(simulate.process(task("d-1", 1, options))).isInstanceOf(Outcome.Succeeded.class);
  }

  @Test
  void earlyAttemptsFailRetryablyAndLaterOnesSucceed() throws Exception {
    Map<String, Object> options = Map.of("failAttempts", 2);

    assertThat(simulate.process(task("d", 2, options)).error().code())
        .isEqualTo("SIMULATED_FAILURE");
    assertThat(simulate.process(task("d", 2, options)).error().retryable()).isTrue();
    assertThat(simulate.process(task("d", 3, options))).isInstanceOf(Outcome.Succeeded.class);
  }

  @Test
  void certainFailureRateAlwaysFails() throws Exception {
    assertThat(simulate.process(task("d", 1, Map.of("failureRate", 1.0))).error()).isNotNull();
  }

  @Test
  void badOptionsAreAPermanentFailureNamingTheOption() {
    for (Map<String, Object> bad :
        List.<Map<String, Object>>of(
            Map.of("failureRate", 2),
            Map.of("sleepMs", -1),
            Map.of("sleepMs", "soon"),
            Map.of("failure", "sometimes"),
            Map.of("failDocuments", "d-1"))) {
      assertThatThrownBy(() -> simulate.process(task("d", 1, bad)))
          .isInstanceOf(ProcessingException.class)
          .satisfies(e -> assertThat(((ProcessingException) e).code()).isEqualTo("INVALID_OPTIONS"))
          .satisfies(e -> assertThat(((ProcessingException) e).retryable()).isFalse());
    }
  }
}
