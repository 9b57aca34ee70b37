package io.findoc.batch.common.agent;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;

/**
 * Counts the failed passes of an application's {@link PeriodicAgent}s in {@code
 * findoc.agent.failures}, tagged {@code agent} with each agent's name: a pass that fails is logged
 * and tried again, and this counter shows how often that happens. The coordinator and the worker
 * each make one of their agents.
 */
public final class AgentFailures {

  /** The counter's name. */
  public static final String METER = "findoc.agent.failures";

  public AgentFailures(Collection<? extends PeriodicAgent> agents, MeterRegistry meters) {
    for (PeriodicAgent agent : agents) {
      Counter failures =
          Counter.builder(METER)
              .description("passes of a background agent that failed and were tried again")
              .tag("agent", agent.name())
              .register(meters);
      agent.onFailedPass(failures::increment);
    }
  }
}
