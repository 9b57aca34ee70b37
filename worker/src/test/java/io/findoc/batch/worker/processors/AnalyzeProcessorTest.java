package io.findoc.batch.worker.processors;

import static org.assertj.core.api.Assertions.assertThat;

import io.findoc.batch.analyzer.AnalysisError;
import io.findoc.batch.analyzer.AnalysisException;
import io.findoc.batch.worker.execution.ProcessingException;
import org.junit.jupiter.api.Test;

/** The analyser's failures become the task's with the same code, retryability and message. */
class AnalyzeProcessorTest {

  @Test
  void everyAnalysisErrorKeepsItsCodeAndWhetherARetryMayHelp() {
    for (AnalysisError error : AnalysisError.values()) {
      AnalysisException cause = error.exception("why " + error);

      ProcessingException failure = AnalyzeProcessor.failure(cause);

      assertThat(failure.code()).isEqualTo(error.name());
      assertThat(failure.retryable()).as(error.name()).isEqualTo(error.retryable());
      assertThat(failure.getMessage()).isEqualTo("why " + error);
      assertThat(failure.getCause()).isSameAs(cause);
    }
    assertThat(AnalysisError.PDF_MEMORY_BUSY.retryable()).isTrue();
    assertThat(AnalysisError.PDF_TOO_MANY_PAGES.retryable()).isFalse();
  }
}
