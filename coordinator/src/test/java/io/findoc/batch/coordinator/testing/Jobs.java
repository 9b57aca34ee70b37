package io.findoc.batch.coordinator.testing;

import io.findoc.batch.common.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Submission bodies for tests. */
public final class Jobs {

  private Jobs() {}

  /** A job of {@code tasks} inline text documents {@code doc-1}, {@code doc-2}, ... */
  public static Map<String, Object> of(String processor, int tasks, Map<String, Object> options) {
    List<Map<String, Object>> documents = new ArrayList<>(tasks);
    for (int i = 1; i <= tasks; i++) {
      documents.add(Map.of("id", "doc-" + i, "text", "document " + i));
    }
    Map<String, Object> job = new LinkedHashMap<>();
    job.put("name", processor + " x" + tasks);
    job.put("processor", processor);
    job.put("options", options);
    job.put("documents", documents);
    return job;
  }

  public static String noop(int tasks) {
    return json(of("noop", tasks, Map.of()));
  }

  public static String simulate(int tasks, Map<String, Object> options) {
    return json(of("simulate", tasks, options));
  }

  /** The job with {@code field} set to {@code value}. */
  public static String with(Map<String, Object> job, String field, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(job);
    copy.put(field, value);
    return json(copy);
  }

  public static String json(Object value) {
    return Json.mapper().writeValueAsString(value);
  }
}
