package io.findoc.batch.coordinator.metrics;

import io.findoc.batch.common.agent.PeriodicAgent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Counts the failed passes of every {@link PeriodicAgent} of the coordinator in {@code
 * findoc.agent.failures}, tagged {@code agent} with the agent's name: a pass that fails is logged
 * and tried again, and this counter shows how often that happens.
 */
@Component
public class AgentFailures {

  public AgentFailures(List<PeriodicAgent> agents, MeterRegistry meters) {
    for (PeriodicAgent agent : agents) {
      Counter failures =
          Counter.builder("findoc.agent.failures")
              .description("passes of a background agent that failed and were tried again")
              .tag("agent", agent.name())
              .register(meters);
      agent.onFailedPass(failures::increment);
    }
  }
}
