package io.findoc.batch.worker.processors;

import io.findoc.batch.worker.execution.ProcessingException;
import java.util.List;
import java.util.Map;

/**
 * The options of the {@code simulate} processor, read from the job's options.
 *
 * @param sleepMs time spent waiting, as for I/O (default 0)
 * @param cpuMs time spent computing on the processor thread (default 0)
 * @param failureRate the chance, 0 to 1, that an attempt fails (default 0)
 * @param permanent whether failures are permanent ({@code "failure": "permanent"}) or retryable
 *     ({@code "retryable"}, the default)
 * @param failDocuments ids of documents whose every attempt fails
 * @param failAttempts attempts up to this number fail, later ones succeed (default 0)
 * @param hang whether attempts block until the worker stops or the job is cancelled (default false)
 * @param failUntilAttempt per document id, the attempts up to which it fails (later ones succeed)
 * @param compensationSleepMs time a compensation spends waiting (default: {@code sleepMs})
 * @param compensationFailure whether compensation fails: null (default: it succeeds), {@code
 *     "retryable"} or {@code "permanent"}
 * @param failCompensationDocuments ids of the documents whose compensation fails; empty: all, when
 *     {@code compensationFailure} is set
 * @param crashDocuments ids of documents whose every attempt ends the worker process at once, as a
 *     parser crashing the JVM would (only where {@code findoc.worker.faults.allow-crash-documents}
 *     is set; elsewhere such an attempt fails permanently)
 */
record SimulateOptions(
    long sleepMs,
    long cpuMs,
    double failureRate,
    boolean permanent,
    List<String> failDocuments,
    int failAttempts,
    boolean hang,
    Map<String, Integer> failUntilAttempt,
    long compensationSleepMs,
    String compensationFailure,
    List<String> failCompensationDocuments,
    List<String> crashDocuments) {

  static SimulateOptions from(Map<String, Object> options) {
    String failure = text(options, "failure", "retryable");
    if (!failure.equals("retryable") && !failure.equals("permanent")) {
      throw invalid("failure must be 'retryable' or 'permanent', is '" + failure + "'");
    }
    double rate = number(options, "failureRate", 0).doubleValue();
    if (rate < 0 || rate > 1) {
      throw invalid("failureRate must be between 0 and 1, is " + rate);
    }
    Object ids = options.getOrDefault("failDocuments", List.of());
    if (!(ids instanceof List<?> list)) {
      throw invalid("failDocuments must be a list of document ids");
    }
    Object until = options.getOrDefault("failUntilAttempt", Map.of());
    if (!(until instanceof Map<?, ?> untilMap)) {
      throw invalid("failUntilAttempt must map document ids to attempt numbers");
    }
    Map<String, Integer> failUntilAttempt = new java.util.HashMap<>();
    for (Map.Entry<?, ?> entry : untilMap.entrySet()) {
      if (!(entry.getValue() instanceof Number attempts)) {
        throw invalid("failUntilAttempt must map document ids to attempt numbers");
      }
      failUntilAttempt.put(String.valueOf(entry.getKey()), attempts.intValue());
    }
    String compensationFailure = text(options, "compensationFailure", null);
    if (compensationFailure != null
        && !compensationFailure.equals("retryable")
        && !compensationFailure.equals("permanent")) {
      throw invalid(
          "compensationFailure must be 'retryable' or 'permanent', is '"
              + compensationFailure
              + "'");
    }
    Object compensationIds = options.getOrDefault("failCompensationDocuments", List.of());
    if (!(compensationIds instanceof List<?> compensationList)) {
      throw invalid("failCompensationDocuments must be a list of document ids");
    }
    long sleepMs = nonNegative(options, "sleepMs");
    return new SimulateOptions(
        sleepMs,
        nonNegative(options, "cpuMs"),
        rate,
        failure.equals("permanent"),
        list.stream().map(String::valueOf).toList(),
        (int) nonNegative(options, "failAttempts"),
        Boolean.TRUE.equals(options.get("hang")),
        Map.copyOf(failUntilAttempt),
        options.containsKey("compensationSleepMs")
            ? nonNegative(options, "compensationSleepMs")
            : sleepMs,
        compensationFailure,
        compensationList.stream().map(String::valueOf).toList(),
        ids(options, "crashDocuments"));
  }

  private static List<String> ids(Map<String, Object> options, String name) {
    Object ids = options.getOrDefault(name, List.of());
    if (!(ids instanceof List<?> list)) {
      throw invalid(name + " must be a list of document ids");
    }
    return list.stream().map(String::valueOf).toList();
  }

  private static long nonNegative(Map<String, Object> options, String name) {
    long value = number(options, name, 0).longValue();
    if (value < 0) {
      throw invalid(name + " must not be negative, is " + value);
    }
    return value;
  }

  private static Number number(Map<String, Object> options, String name, Number fallback) {
    Object value = options.get(name);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number n) {
      return n;
    }
    throw invalid(name + " must be a number, is '" + value + "'");
  }

  private static String text(Map<String, Object> options, String name, String fallback) {
    Object value = options.get(name);
    return value == null ? fallback : String.valueOf(value);
  }

  private static ProcessingException invalid(String message) {
    return new ProcessingException("INVALID_OPTIONS", "simulate: " + message, false);
  }
}
