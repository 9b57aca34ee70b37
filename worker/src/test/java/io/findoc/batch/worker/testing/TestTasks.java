package io.findoc.batch.worker.testing;

import io.findoc.batch.common.id.JobId;
import io.findoc.batch.common.message.Document;
import io.findoc.batch.common.message.Priority;
import io.findoc.batch.common.message.TaskMessage;
import java.util.Map;

/** Task messages as the coordinator sends them, for tests that play the coordinator. */
public final class TestTasks {

  private TestTasks() {}

  /** The first attempt of task {@code number}: a text document {@code doc-<number>}. */
  public static TaskMessage task(
      JobId job, int number, Priority priority, String processor, Map<String, Object> options) {
    return new TaskMessage(
        TaskMessage.VERSION,
        job,
        number,
        1,
        "tenant",
        priority,
        processor,
        options,
        Document.ofText("doc-" + number, "text"));
  }
}
