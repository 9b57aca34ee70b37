package io.findoc.batch.worker.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class FailureClassifierTest {

  @Test
  void processingExceptionKeepsItsCodeAndRetryability() {
    Outcome permanent = FailureClassifier.classify(new ProcessingException("DOC_X", "bad", false));
    assertThat(permanent).isInstanceOf(Outcome.PermanentFailure.class);
    assertThat(permanent.error().code()).isEqualTo("DOC_X");
    assertThat(permanent.error().message()).isEqualTo("bad");
    assertThat(permanent.error().trace()).contains("ProcessingException: bad");
    Outcome retryable =
        FailureClassifier.classify(new ProcessingException("UPSTREAM", "503", true));
    assertThat(retryable).isInstanceOf(Outcome.RetryableFailure.class);
    assertThat(retryable.error().code()).isEqualTo("UPSTREAM");
    assertThat(retryable.error().retryable()).isTrue();
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
