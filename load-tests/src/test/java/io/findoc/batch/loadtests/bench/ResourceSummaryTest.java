package io.findoc.batch.loadtests.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceSummaryTest {

  @Test
  void overTheScenariosMeansAreAveragedAndPeaksKept() {
    Map<String, Map<String, double[]>> byScenario = new LinkedHashMap<>();
    byScenario.put(
        "noop",
        Map.of(
            "coordinator",
            new double[] {50, 110, 400, 480},
            "kafka",
            new double[] {20, 80, 600, 690}));
    byScenario.put("latency", Map.of("coordinator", new double[] {70, 100, 500, 560}));

    Map<String, double[]> all = ResourceSummary.combine(byScenario);

    assertThat(all.get("coordinator")).containsExactly(60, 110, 450, 560);
    assertThat(all.get("kafka")).containsExactly(20, 80, 600, 690);
  }
}
