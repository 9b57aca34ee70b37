package io.findoc.batch.loadtests.bench;

import io.findoc.batch.loadtests.client.FindocClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Brings the stack to rest before a scenario or a measured run: polls the tenant's unfinished jobs
 * ({@code GET /api/batch/jobs?state=...}) and the task topics' consumer lag ({@code GET
 * /api/batch/metrics}) once a second and does what {@link DrainPolicy} says: waits, cancels
 * leftovers ({@code DELETE /api/batch/jobs/{id}}), or reports and goes on. Never hangs, never
 * throws for the coordinator's answers: a drain that fails is reported, and the scenario runs.
 */
final class StackDrain {

  private static final List<String> UNFINISHED =
      List.of("WAITING", "QUEUED", "RUNNING", "PAUSED", "ROLLING_BACK");

  private final FindocClient client;
  private final DrainPolicy policy;

  StackDrain(FindocClient client, DrainPolicy policy) {
    this.client = client;
    this.policy = policy;
  }

  /**
   * Waits until the stack is drained, cancelling leftovers as the policy says.
   *
   * @param before what is about to start, for the report
   * @return what the drain did, one line ("" if there was nothing to wait for)
   */
  String await(String before) throws InterruptedException {
    long t0 = System.nanoTime();
    long lagFrom = -1;
    Set<String> cancelled = new HashSet<>();
    String lastReason = "";
    int polls = 0;
    while (true) {
      List<DrainPolicy.Unfinished> unfinished;
      Long lag;
      try {
        unfinished = unfinished();
        lag = unfinished.isEmpty() ? consumerLag() : null;
      } catch (RuntimeException e) {
        return "drain before "
            + before
            + " could not ask the coordinator ("
            + e.getMessage()
            + "): going on";
      }
      long now = System.nanoTime();
      if (unfinished.isEmpty() && lagFrom < 0) {
        lagFrom = now;
      } else if (!unfinished.isEmpty()) {
        lagFrom = -1;
      }
      DrainPolicy.Step step =
          policy.next(
              unfinished,
              lag,
              Duration.ofNanos(now - t0),
              lagFrom < 0 ? Duration.ZERO : Duration.ofNanos(now - lagFrom),
              cancelled);
      double seconds = (now - t0) / 1e9;
      switch (step.action()) {
        case DRAINED -> {
          return polls == 0
              ? ""
              : String.format(
                  java.util.Locale.ROOT,
                  "drained before %s after %.1f s%s (was: %s)",
                  before,
                  seconds,
                  cancelled.isEmpty() ? "" : ", " + cancelled.size() + " job(s) cancelled",
                  lastReason);
        }
        case GIVE_UP -> {
          return String.format(
              java.util.Locale.ROOT,
              "NOT drained before %s after %.0f s: %s; going on (its figures may suffer)",
              before,
              seconds,
              step.reason());
        }
        case CANCEL -> {
          for (DrainPolicy.Unfinished job : step.cancel()) {
            cancelled.add(job.id());
            cancel(job);
          }
          System.out.printf(
              "  drain before %s: cancelled %d leftover job(s) after %.0f s (%s)%n",
              before, step.cancel().size(), seconds, step.reason());
        }
        case WAIT -> {
          if (polls % 10 == 0) {
            System.out.printf(
                "  drain before %s: waiting (%.0f s): %s%n", before, seconds, step.reason());
          }
        }
      }
      lastReason = step.reason();
      polls++;
      Thread.sleep(1000);
    }
  }

  private List<DrainPolicy.Unfinished> unfinished() {
    List<DrainPolicy.Unfinished> jobs = new ArrayList<>();
    for (String state : UNFINISHED) {
      String cursor = null;
      do {
        JsonNode page =
            client.get(
                "/api/batch/jobs?state="
                    + state
                    + "&limit=100"
                    + (cursor == null
                        ? ""
                        : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
        for (JsonNode job : page.get("items")) {
          jobs.add(
              new DrainPolicy.Unfinished(job.get("id").asString(), job.get("state").asString()));
        }
        JsonNode next = page.get("next");
        cursor = next == null || next.isNull() ? null : next.asString();
      } while (cursor != null && jobs.size() < 10_000);
    }
    return jobs;
  }

  /** The task topics' lag summed, null if any priority's is unknown or the metrics fail. */
  private Long consumerLag() {
    try {
      JsonNode backlog = client.get("/api/batch/metrics").get("backlog");
      long lag = 0;
      for (JsonNode priority : backlog) {
        JsonNode value = priority.get("consumerLag");
        if (value == null || value.isNull()) {
          return null;
        }
        lag += value.asLong();
      }
      return lag;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private void cancel(DrainPolicy.Unfinished job) {
    try {
      client.delete(
          "/api/batch/jobs/" + job.id() + "?reason=bench%20drain%20before%20the%20next%20scenario");
    } catch (RuntimeException e) {
      System.out.println("  drain: could not cancel " + job.id() + ": " + e.getMessage());
    }
  }
}
