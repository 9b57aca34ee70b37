package io.findoc.batch.cli.http;

import tools.jackson.databind.JsonNode;

/**
 * The API answered with an error: its status and, from the problem+json body, what was wrong. The
 * message is what the user reads.
 */
public class ApiException extends RuntimeException {

  private final int status;
  private final JsonNode problem;

  public ApiException(String request, int status, JsonNode problem, String body) {
    super(describe(request, status, problem, body));
    this.status = status;
    this.problem = problem;
  }

  public int status() {
    return status;
  }

  /** The problem+json body, or null if the answer had none. */
  public JsonNode problem() {
    return problem;
  }

  private static String describe(String request, int status, JsonNode problem, String body) {
    StringBuilder message = new StringBuilder(request).append(" answered ").append(status);
    if (problem != null && problem.isObject()) {
      appendText(message, problem, "title", ": ");
      appendText(message, problem, "detail", " (");
      if (problem.get("detail") != null) {
        message.append(')');
      }
      JsonNode errors = problem.get("errors");
      if (errors != null && errors.size() > 1) {
        errors.forEach(
            e ->
                message
                    .append("\n  ")
                    .append(e.path("field").asString())
                    .append(": ")
                    .append(e.path("message").asString()));
      }
    } else if (body != null && !body.isBlank()) {
      message.append(": ").append(body.length() > 200 ? body.substring(0, 200) + "..." : body);
    }
    if (status == 401) {
      message.append("\n  (set FINDOC_API_KEY, --api-key-file or api-key-file in the config file)");
    }
    return message.toString();
  }

  private static void appendText(StringBuilder message, JsonNode node, String field, String sep) {
    JsonNode value = node.get(field);
    if (value != null && !value.isNull()) {
      message.append(sep).append(value.asString());
    }
  }
}
