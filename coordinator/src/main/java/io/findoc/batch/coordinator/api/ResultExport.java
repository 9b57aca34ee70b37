package io.findoc.batch.coordinator.api;

import io.findoc.batch.common.json.Json;
import io.findoc.batch.common.state.TaskState;
import io.findoc.batch.coordinator.store.TaskRow;
import io.findoc.batch.coordinator.store.TaskStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A job's finished tasks as NDJSON, one line per task in number order: its document id, state,
 * attempt, times, and its result or error. Written page by page as it is read, so a million results
 * never sit in memory.
 *
 * @param state only the tasks in this state; null: every finished task
 */
public record ResultExport(TaskStore tasks, UUID jobId, TaskState state)
    implements StreamingResponseBody {

  private static final int PAGE = 1000;

  @Override
  public void writeTo(OutputStream out) throws IOException {
    int after = 0;
    while (true) {
      List<TaskRow> page = tasks.findPage(jobId, state == null ? null : state.name(), after, PAGE);
      for (TaskRow task : page) {
        if (task.state().isTerminal()) {
          out.write(line(task));
        }
      }
      if (page.size() < PAGE) {
        break;
      }
      after = page.get(page.size() - 1).number();
      out.flush();
    }
  }

  private static byte[] line(TaskRow task) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("task", task.number());
    line.put("documentId", task.documentRef());
    line.put("state", task.state());
    line.put("attempt", task.attempt());
    line.put("startedAt", task.startedAt());
    line.put("finishedAt", task.finishedAt());
    if (task.result() != null) {
      line.put("result", Json.mapper().readTree(task.result()));
    }
    if (task.errorCode() != null) {
      line.put(
          "error",
          Map.of("code", task.errorCode(), "message", String.valueOf(task.errorMessage())));
    }
    String json = Json.mapper().writeValueAsString(line) + "\n";
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
