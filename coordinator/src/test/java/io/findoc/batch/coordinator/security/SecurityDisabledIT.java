package io.findoc.batch.coordinator.security;

import static io.findoc.batch.coordinator.testing.Submission.aSubmission;
import static org.assertj.core.api.Assertions.assertThat;

import io.findoc.batch.coordinator.testing.Api;
import io.findoc.batch.coordinator.testing.RunningStack;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With {@code findoc.security.enabled=false}, and only then, the API asks for no key. */
class SecurityDisabledIT {

  private static RunningStack stack;

  @BeforeAll
  static void start() {
    stack = RunningStack.coordinatorOnly(Map.of("findoc.security.enabled", false));
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @Test
  void everyRequestActsAsTheDefaultTenant() {
    Api anonymous = stack.api().withKey(null);

    String job = anonymous.submit(aSubmission().json());

    assertThat(anonymous.job(job).get("tenant").asString()).isEqualTo("default");
    assertThat(anonymous.put("/api/batch/jobs/" + job + "/pause").status()).isEqualTo(200);
  }
}
