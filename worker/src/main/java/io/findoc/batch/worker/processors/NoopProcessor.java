package io.findoc.batch.worker.processors;

import io.findoc.batch.common.message.TaskMessage;
import io.findoc.batch.worker.execution.Outcome;
import io.findoc.batch.worker.execution.Processor;
import io.findoc.batch.worker.execution.TaskContext;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Does nothing and succeeds with an empty result: the cost of the pipeline itself. */
@Component
public class NoopProcessor implements Processor {

  private static final Outcome DONE = Outcome.succeeded(Map.of());

  @Override
  public String name() {
    return "noop";
  }

  @Override
  public Outcome process(TaskMessage task, TaskContext context) {
    return DONE;
  }
}
