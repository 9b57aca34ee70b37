package io.findoc.batch.worker.processors;

import io.findoc.batch.analyzer.AnalysisException;
import io.findoc.batch.analyzer.AnalysisOptions;
import io.findoc.batch.analyzer.DocumentAnalyser;
import io.findoc.batch.common.message.TaskMessage;
import io.findoc.batch.worker.execution.Outcome;
import io.findoc.batch.worker.execution.ProcessingException;
import io.findoc.batch.worker.execution.Processor;
import io.findoc.batch.worker.execution.TaskContext;
import io.findoc.batch.worker.execution.Workload;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * {@code findoc.analyze}: reads the task's document, classifies it, extracts its fields and
 * identifiers and checks its figures (see {@link DocumentAnalyser}); the result is the map of
 * {@code docs/result-schema.md}. Failures carry the codes of {@link
 * io.findoc.batch.analyzer.AnalysisError}, as {@link ProcessingException}s with the same code and
 * retryability; the attempt's cancellation reaches the analyser through {@link
 * TaskContext#isCancelled()}. Job option: {@code maskNumbers} (default true).
 */
@Component
public class AnalyzeProcessor implements Processor {

  private final DocumentAnalyser analyser;

  public AnalyzeProcessor(DocumentAnalyser analyser) {
    this.analyser = analyser;
  }

  @Override
  public String name() {
    return "findoc.analyze";
  }

  /** Reading a file, extracting text and analysing it: the cores, not the disk, are the limit. */
  @Override
  public Workload workload() {
    return Workload.CPU;
  }

  @Override
  public Outcome process(TaskMessage task, TaskContext context) throws IOException {
    try {
      AnalysisOptions options = AnalysisOptions.from(task.options());
      return Outcome.succeeded(
          analyser.analyseToJson(task.document(), options, context::isCancelled));
    } catch (AnalysisException e) {
      throw failure(e);
    }
  }

  /** The worker's failure for the analyser's: same code, same retryability, same message. */
  static ProcessingException failure(AnalysisException e) {
    ProcessingException failure = new ProcessingException(e.code(), e.getMessage(), e.retryable());
    failure.initCause(e);
    return failure;
  }
}
