package io.findoc.batch.coordinator.contract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The example problem+json body of each status the API answers with a problem, as {@code
 * ApiExceptionHandler} and {@code ApiGate} write them: type, title, status, detail, and the fields
 * at fault on a 400 or the incident on a 500.
 */
final class ProblemExamples {

  private ProblemExamples() {}

  /** The example of {@code status} for an operation on {@code path}. */
  static Map<String, Object> of(int status, String path) {
    Map<String, Object> body = new LinkedHashMap<>();
    switch (status) {
      case 400 -> {
        put(
            body,
            "invalid-parameter",
            "Invalid parameter",
            status,
            "limit: must be between 1 and 1000");
        body.put(
            "errors", List.of(Map.of("field", "limit", "message", "must be between 1 and 1000")));
      }
      case 401 ->
          put(
              body,
              "unauthenticated",
              "Unauthenticated",
              status,
              "send a valid API key as 'Authorization: Bearer <key>'");
      case 403 ->
          put(
              body,
              "forbidden",
              "Forbidden",
              status,
              "this needs the role operator; the key has submitter");
      case 404 ->
          put(
              body,
              "not-found",
              "Not found",
              status,
              "no job 0b5c7c1e-5d0a-4bd4-9a55-6f3c4c2f9f1e");
      case 409 ->
          put(
              body,
              "job-state-conflict",
              "The job's state does not allow this",
              status,
              "cannot pause job 0b5c7c1e-5d0a-4bd4-9a55-6f3c4c2f9f1e: it is COMPLETED;"
                  + " only QUEUED, RUNNING or PAUSED jobs can be");
      case 413 ->
          put(
              body,
              "body-too-large",
              "Request body too large",
              status,
              "a request body may have at most 268435456 bytes");
      case 429 ->
          put(
              body,
              "rate-limited",
              "Too many requests",
              status,
              "this key may make 100 requests per second; slow down");
      case 503 ->
          put(
              body,
              "control-not-published",
              "Workers not told",
              status,
              "the broker did not take the command; try again after Retry-After");
      default -> {
        String incident = "5d2f8a4e-3c1b-4e7a-9f60-2b8c1d7e9a34";
        put(
            body,
            "internal-error",
            "Internal error",
            status,
            "The request failed on our side; quote incident " + incident + " when reporting it.");
        body.put("incident", incident);
      }
    }
    body.put("instance", path);
    return body;
  }

  private static void put(
      Map<String, Object> body, String type, String title, int status, String detail) {
    body.put("type", "urn:findoc:problem:" + type);
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
  }
}
