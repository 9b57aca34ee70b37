package io.findoc.batch.worker.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class FailureClassifierTest {

  @Test
  void processingExceptionKeepsItsCodeAndRetryability() {
    assertThat(FailureClassifier.classify(new ProcessingException("DOC_X", "bad", false)))
        .isEqualTo(new Outcome.PermanentFailure("DOC_X", "bad"));
    assertThat(FailureClassifier.classify(new ProcessingException("UPSTREAM", "503", true)))
        .isEqualTo(new Outcome.RetryableFailure("UPSTREAM", "503"));
  }

  @Test
  void ioErrorsAndTimeoutsAreRetryable() {
    assertThat(FailureClassifier.classify(new IOException("reset")))
        .isInstanceOf(Outcome.RetryableFailure.class)
        .extracting(o -> ((Outcome.RetryableFailure) o).code())
        .isEqualTo("IO_ERROR");
    assertThat(FailureClassifier.classify(new TimeoutException()).error().code())
        .isEqualTo("TIMEOUT");
  }

  @Test
  void badInputAndResourceExhaustionArePermanent() {
    assertThat(FailureClassifier.classify(new IllegalArgumentException("no")).error())
        .satisfies(e -> assertThat(e.retryable()).isFalse())
        .satisfies(e -> assertThat(e.code()).isEqualTo("INVALID_INPUT"));
    assertThat(FailureClassifier.classify(new StackOverflowError()).error().code())
        .isEqualTo("RESOURCE_LIMIT");
  }

  @Test
  void anythingElseIsRetryableWithTheExceptionInTheMessage() {
    Outcome outcome = FailureClassifier.classify(new IllegalStateException("odd"));

    assertThat(outcome.error().retryable()).isTrue();
    assertThat(outcome.error().code()).isEqualTo("PROCESSOR_ERROR");
    assertThat(outcome.error().message()).isEqualTo("IllegalStateException: odd");
  }
}
