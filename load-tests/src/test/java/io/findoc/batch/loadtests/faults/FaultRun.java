package io.findoc.batch.loadtests.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.findoc.batch.common.state.JobState;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One fault-injection run: submits jobs, records what it injected and when, waits (without any
 * manual step, INV-8) until every accepted job has finished, runs the {@link InvariantChecker}, and
 * prints one line saying what was injected, what the checker found and how long recovery took (from
 * the moment the fault was removed to the moment the last job finished).
 */
final class FaultRun {

  private final String fault;
  private final FaultStack stack;
  private final Map<String, Integer> accepted = new LinkedHashMap<>();
  private final List<String> injected = new ArrayList<>();
  private Instant faultRemoved;

  FaultRun(String fault, FaultStack stack) {
    this.fault = fault;
    this.stack = stack;
  }

  /** Submits a job of {@code documents} tasks; returns its id. */
  String submit(int documents, String processor, Map<String, Object> options) {
    return submit(documents, processor, options, Map.of());
  }

  /** Submits a job with extra top-level fields (retry, failurePolicy, ...). */
  String submit(
      int documents, String processor, Map<String, Object> options, Map<String, Object> fields) {
    return submitAnswered(documents, processor, options, fields).get("id").asString();
  }

  /** Submits a job with extra top-level fields; returns the 202's body (its webhooks' secrets). */
  JsonNode submitAnswered(
      int documents, String processor, Map<String, Object> options, Map<String, Object> fields) {
    Map<String, Object> job = new LinkedHashMap<>();
    job.put("name", fault + " " + (accepted.size() + 1));
    job.put("processor", processor);
    job.put("options", options);
    job.putAll(fields);
    List<Map<String, Object>> docs = new ArrayList<>(documents);
    for (int i = 1; i <= documents; i++) {
      docs.add(Map.of("id", "doc-" + i, "text", "document " + i));
    }
    job.put("documents", docs);
    JsonNode answer = stack.client().submit(job);
    accepted.put(answer.get("id").asString(), documents);
    return answer;
  }

  /** Records a job accepted some other way. */
  void accepted(String id, int documents) {
    accepted.put(id, documents);
  }

  /** Records what was injected. */
  void injected(String what) {
    injected.add(what);
    System.out.println("FAULT " + fault + ": injected " + what);
  }

  /** The fault is over (the process is back, or was never coming back): recovery starts now. */
  void faultRemoved() {
    faultRemoved = Instant.now();
  }

  int succeeded(String id) {
    return stack.client().job(id).get("counts").get("succeeded").asInt();
  }

  int running(String id) {
    return stack.client().job(id).get("counts").get("running").asInt();
  }

  /** Waits until every accepted job finished, checks the invariants, prints and returns them. */
  InvariantChecker.Findings finish(Duration within) throws SQLException {
    if (faultRemoved == null) {
      faultRemoved();
    }
    await()
        .atMost(within)
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(
            () ->
                accepted.keySet().stream()
                    .allMatch(
                        id ->
                            JobState.valueOf(stack.client().job(id).get("state").asString())
                                .isFinished()));
    Duration recovery = Duration.between(faultRemoved, Instant.now());
    InvariantChecker.Findings findings = new InvariantChecker(stack).check(accepted);
    System.out.println(
        "FAULT "
            + fault
            + " RESULT injected="
            + injected
            + " recovery="
            + recovery.toMillis()
            + "ms "
            + findings);
    assertThat(findings.violations()).as("invariants after %s", fault).isEmpty();
    return findings;
  }
}
