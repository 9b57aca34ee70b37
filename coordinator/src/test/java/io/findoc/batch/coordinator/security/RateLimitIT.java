package io.findoc.batch.coordinator.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.findoc.batch.coordinator.testing.Api;
import io.findoc.batch.coordinator.testing.RunningStack;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A key past its rate gets 429 with Retry-After; another key is not held back by it. */
class RateLimitIT {

  private static RunningStack stack;

  @BeforeAll
  static void start() {
    stack =
        RunningStack.coordinatorOnly(
            Map.of("findoc.security.requests-per-second", 1, "findoc.security.burst", 8));
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @Test
  void pastItsBurstAKeyIsToldToWait() {
    // (The admin key is limited too: the stack and these two keys take six of its eight.)
    Api busy = stack.api().withKey(stack.createKey(RunningStack.TENANT, "submitter"));
    Api other = stack.api().withKey(stack.createKey(RunningStack.TENANT, "submitter"));

    int ok = 0;
    Api.Response limited = null;
    for (int i = 0; i < 20 && limited == null; i++) {
      Api.Response answer = busy.get("/api/batch/jobs");
      if (answer.status() == 429) {
        limited = answer;
      } else {
        ok++;
      }
    }

    assertThat(ok).isBetween(8, 10);
    assertThat(limited).isNotNull();
    assertThat(limited.contentType()).startsWith("application/problem+json");
    assertThat(limited.body().get("type").asString()).isEqualTo("urn:findoc:problem:rate-limited");
    assertThat(Integer.parseInt(limited.retryAfter())).isPositive();
    assertThat(other.get("/api/batch/jobs").status()).isEqualTo(200);
  }
}
