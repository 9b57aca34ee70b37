package io.findoc.batch.worker.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.findoc.batch.common.id.JobId;
import io.findoc.batch.common.message.Document;
import io.findoc.batch.common.message.Priority;
import io.findoc.batch.common.message.TaskMessage;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunningAttemptTest {

  private final RunningAttempt attempt =
      new RunningAttempt(
          new TaskMessage(
              TaskMessage.VERSION,
              JobId.random(),
              1,
              1,
              "t",
              Priority.NORMAL,
              "noop",
              Map.of(),
              Document.ofText("d", "x")),
          Thread.currentThread());

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void cancellingWhileTheProcessorRunsInterruptsItsThread() {
    attempt.processorStarting();

    attempt.cancel();

    assertThat(attempt.isCancelled()).isTrue();
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }

  @Test
  void cancellationBeforeTheProcessorStartsInterruptsItAsItStarts() {
    attempt.cancel();
    assertThat(Thread.currentThread().isInterrupted()).isFalse();

    attempt.processorStarting();

    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }

  @Test
  void endingTheProcessorClearsTheInterruptOfTheCancellation() {
    attempt.processorStarting();
    attempt.cancel();

    assertThat(attempt.processorEnded()).isTrue();

    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void cancellationAfterTheProcessorEndedNeitherInterruptsNorCounts() {
    attempt.processorStarting();
    assertThat(attempt.processorEnded()).isFalse();

    attempt.cancel();

    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }
}
