package io.findoc.batch.coordinator.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Waiting for jobs to get somewhere. */
public final class Awaits {

  private Awaits() {}

  /** Waits until the job is in one of {@code states}, and returns it then. */
  public static JsonNode jobReaches(Api api, String id, Duration within, String... states) {
    Set<String> wanted = Set.of(states);
    return await()
        .atMost(within)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> api.job(id), job -> wanted.contains(job.get("state").asString()));
  }
}
