package io.findoc.batch.coordinator.ui;

import io.findoc.batch.common.state.TaskState;
import io.findoc.batch.coordinator.api.InvalidParameterException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * The task table's filter on a job's page: state, error code, worker and least attempt (2: the
 * tasks that were tried again), each optional; blank parameters count as absent.
 */
public record TaskFilter(TaskState state, String errorCode, String worker, int leastAttempt) {

  private static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");
  private static final int MOST_WORKER_CHARACTERS = 200;

  static TaskFilter of(String state, String errorCode, String worker, String attempt) {
    return new TaskFilter(
        blank(state) ? null : state(state),
        blank(errorCode) ? null : errorCode(errorCode.strip()),
        blank(worker) ? null : worker(worker.strip()),
        blank(attempt) ? 1 : attempt(attempt.strip()));
  }

  /** The filter as query parameters, each with its leading {@code &}; empty when there is none. */
  public String query() {
    StringJoiner joined = new StringJoiner("");
    parameters()
        .forEach(
            (key, value) ->
                joined.add("&" + key + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return joined.toString();
  }

  public Map<String, String> parameters() {
    Map<String, String> values = new LinkedHashMap<>();
    if (state != null) {
      values.put("state", state.name());
    }
    if (errorCode != null) {
      values.put("errorCode", errorCode);
    }
    if (worker != null) {
      values.put("worker", worker);
    }
    if (leastAttempt > 1) {
      values.put("attempt", Integer.toString(leastAttempt));
    }
    return values;
  }

  private static TaskState state(String text) {
    try {
      return TaskState.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("state", "must be a task state such as FAILED");
    }
  }

  private static String errorCode(String text) {
    if (!ERROR_CODE.matcher(text).matches()) {
      throw new InvalidParameterException(
          "errorCode", "must be an error code such as DOC_UNREADABLE (letters, digits, _ . : -)");
    }
    return text;
  }

  private static String worker(String text) {
    if (text.length() > MOST_WORKER_CHARACTERS) {
      throw new InvalidParameterException(
          "worker", "must have at most " + MOST_WORKER_CHARACTERS + " characters");
    }
    return text;
  }

  private static int attempt(String text) {
    try {
      int attempt = Integer.parseInt(text);
      if (attempt >= 1) {
        return attempt;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new InvalidParameterException("attempt", "must be a whole number of at least 1");
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
