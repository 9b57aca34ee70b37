package io.findoc.batch.worker.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.findoc.batch.common.id.JobId;
import io.findoc.batch.common.message.Document;
import io.findoc.batch.common.message.Priority;
import io.findoc.batch.common.message.TaskMessage;
import io.findoc.batch.worker.execution.InjectedFaults;
import io.findoc.batch.worker.execution.Outcome;
import io.findoc.batch.worker.execution.ProcessingException;
import io.findoc.batch.worker.execution.TaskContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SimulateProcessorTest {

  private static final TaskContext RUNNING = () -> false;

  private final SimulateProcessor simulate = new SimulateProcessor(InjectedFaults.none());

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

  /** The outcome of processing {@code document} in an attempt that is not cancelled. */
  private Outcome process(String document, int attempt, Map<String, Object> options)
      throws Exception {
    return simulate.process(task(document, attempt, options), RUNNING);
  }

  /** The outcome of compensating {@code document} in an attempt that is not cancelled. */
  private Outcome compensate(String document, int attempt, Map<String, Object> options)
      throws Exception {
    return simulate.compensate(task(document, attempt, options), RUNNING);
  }

  @Test
  void succeedsWithTheDocumentAndAttemptByDefault() throws Exception {
    Outcome outcome = process("d-1", 2, Map.of());

    assertThat(outcome).isInstanceOf(Outcome.Succeeded.class);
    assertThat(((Outcome.Succeeded) outcome).result().toMap())
        .containsEntry("document", "d-1")
        .containsEntry("attempt", 2);
  }

  @Test
  void listedDocumentsFailEveryAttempt() throws Exception {
    Map<String, Object> options = Map.of("failDocuments", List.of("d-2"), "failure", "permanent");

    assertThat(process("d-2", 1, options)).isInstanceOf(Outcome.PermanentFailure.class);
    assertThat(process("d-1", 1, options)).isInstanceOf(Outcome.Succeeded.class);
  }

  @Test
  void earlyAttemptsFailRetryablyAndLaterOnesSucceed() throws Exception {
    Map<String, Object> options = Map.of("failAttempts", 2);

    assertThat(process("d", 2, options).error().code()).isEqualTo("SIMULATED_FAILURE");
    assertThat(process("d", 2, options).error().retryable()).isTrue();
    assertThat(process("d", 3, options)).isInstanceOf(Outcome.Succeeded.class);
  }

  @Test
  void certainFailureRateAlwaysFails() throws Exception {
    assertThat(process("d", 1, Map.of("failureRate", 1.0)).error()).isNotNull();
  }

  @Test
  void badOptionsAreAPermanentFailureNamingTheOption() {
    for (Map<String, Object> bad :
        List.<Map<String, Object>>of(
            Map.of("failureRate", 2),
            Map.of("sleepMs", -1),
            Map.of("sleepMs", "soon"),
            Map.of("compensationSleepMs", -1),
            Map.of("failure", "sometimes"),
            Map.of("failDocuments", "d-1"))) {
      assertThatThrownBy(() -> process("d", 1, bad))
          .isInstanceOf(ProcessingException.class)
          .satisfies(e -> assertThat(((ProcessingException) e).code()).isEqualTo("INVALID_OPTIONS"))
          .satisfies(e -> assertThat(((ProcessingException) e).retryable()).isFalse());
    }
  }

  @Test
  void sleepEndsWhenTheCancelledAttemptIsInterrupted() throws Exception {
    AtomicBoolean cancelled = new AtomicBoolean();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread attempt = attempt(task("d", 1, Map.of("sleepMs", 60_000)), cancelled, thrown);
    await().until(() -> attempt.getState() == Thread.State.TIMED_WAITING);

    cancelled.set(true);
    attempt.interrupt();

    attempt.join(Duration.ofSeconds(5).toMillis());
    assertThat(attempt.isAlive()).isFalse();
    assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
  }

  @Test
  @Timeout(10)
  void computingStopsOnceTheAttemptIsCancelled() {
    assertThatThrownBy(() -> simulate.process(task("d", 1, Map.of("cpuMs", 60_000)), () -> true))
        .isInstanceOf(CancellationException.class);
  }

  @Test
  void hangingAttemptEndsWhenCancelledEvenWithoutAnInterrupt() throws Exception {
    AtomicBoolean cancelled = new AtomicBoolean();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread attempt = attempt(task("d", 1, Map.of("hang", true)), cancelled, thrown);
    await().until(() -> attempt.getState() == Thread.State.TIMED_WAITING);

    cancelled.set(true);

    attempt.join(Duration.ofSeconds(5).toMillis());
    assertThat(attempt.isAlive()).isFalse();
    assertThat(thrown.get()).isInstanceOf(CancellationException.class);
  }

  /** Processes the task on a thread of its own, as the runner would; what it throws: thrown. */
  private Thread attempt(
      TaskMessage task, AtomicBoolean cancelled, AtomicReference<Throwable> thrown) {
    return onThread(() -> simulate.process(task, cancelled::get), thrown);
  }

  /** Runs work on a daemon thread of its own; what it throws lands in thrown. */
  private static Thread onThread(Callable<Outcome> work, AtomicReference<Throwable> thrown) {
    Thread thread =
        new Thread(
            () -> {
              try {
                work.call();
              } catch (Throwable t) {
                thrown.set(t);
              }
            });
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  @Test
  void aDocumentFailsUpToItsOwnAttemptNumber() throws Exception {
    Map<String, Object> options =
        Map.of("failUntilAttempt", Map.of("d-1", 2), "failure", "permanent");

    assertThat(process("d-1", 2, options)).isInstanceOf(Outcome.PermanentFailure.class);
    assertThat(process("d-1", 3, options)).isInstanceOf(Outcome.Succeeded.class);
    assertThat(process("d-2", 1, options)).isInstanceOf(Outcome.Succeeded.class);
  }

  @Test
  void compensationSucceedsUnlessTheOptionsSayItFails() throws Exception {
    assertThat(compensate("d-1", 1, Map.of())).isInstanceOf(Outcome.Succeeded.class);

    Map<String, Object> failing =
        Map.of("compensationFailure", "permanent", "failCompensationDocuments", List.of("d-2"));
    assertThat(compensate("d-2", 1, failing))
        .isInstanceOfSatisfying(
            Outcome.PermanentFailure.class,
            f -> assertThat(f.error().code()).isEqualTo("SIMULATED_COMPENSATION_FAILURE"));
    assertThat(compensate("d-1", 1, failing)).isInstanceOf(Outcome.Succeeded.class);
    assertThat(compensate("d-1", 1, Map.of("compensationFailure", "retryable")))
        .isInstanceOf(Outcome.RetryableFailure.class);
  }

  @Test
  void compensationWaitsItsOwnTimeWhenTheOptionsGiveOne() throws Exception {
    AtomicBoolean cancelled = new AtomicBoolean();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Map<String, Object> options = Map.of("sleepMs", 0, "compensationSleepMs", 60_000);
    Thread compensation =
        onThread(() -> simulate.compensate(task("d", 1, options), cancelled::get), thrown);
    await().until(() -> compensation.getState() == Thread.State.TIMED_WAITING);

    compensation.interrupt();

    compensation.join(Duration.ofSeconds(5).toMillis());
    assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
    assertThat(compensate("d", 1, Map.of("sleepMs", 60_000, "compensationSleepMs", 0)))
        .isInstanceOf(Outcome.Succeeded.class);
  }

  @Test
  void anUnknownCompensationFailureIsAnInvalidOption() {
    assertThatThrownBy(() -> compensate("d-1", 1, Map.of("compensationFailure", "maybe")))
        .isInstanceOf(ProcessingException.class);
  }

  @Test
  void aCrashDocumentFailsPermanentlyWhereTheWorkerDoesNotAllowCrashes() throws Exception {
    Outcome outcome = process("doc-1", 1, Map.of("crashDocuments", List.of("doc-1")));

    assertThat(outcome).isInstanceOf(Outcome.PermanentFailure.class);
    assertThat(outcome.error().code()).isEqualTo("SIMULATED_CRASH_REFUSED");
  }
}
