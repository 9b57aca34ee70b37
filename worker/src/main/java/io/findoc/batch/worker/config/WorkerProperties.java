package io.findoc.batch.worker.config;

import io.findoc.batch.common.topic.TopicNames;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything configurable in the worker, under {@code findoc.*}.
 *
 * @param topics topic names ({@code findoc.topics.*}); defaults in {@link TopicNames#DEFAULTS}
 * @param worker this worker's identity and capacity
 */
@ConfigurationProperties("findoc")
public record WorkerProperties(@DefaultValue TopicNames topics, @DefaultValue Worker worker) {

  /**
   * @param id how this worker signs its reports (default {@code <host>-<pid>})
   * @param threads processor threads: tasks run at once (default 8)
   * @param maxInFlight tasks taken off Kafka and not yet reported done; above it the worker stops
   *     fetching until half of them are done (default 4 times {@code threads}, at least 256)
   * @param startedReportAfter attempts still running after this long report {@code STARTED};
   *     shorter ones report only their result, which carries the start time (default 200 ms; 0
   *     reports every start at once)
   * @param reportRetryPause the wait before sending a report again that the broker did not take
   *     (default 1 s)
   * @param shutdownGrace how long a stopping worker lets running tasks finish (default 30 s)
   */
  public record Worker(
      String id,
      @DefaultValue("8") int threads,
      Integer maxInFlight,
      @DefaultValue("200ms") Duration startedReportAfter,
      @DefaultValue("1s") Duration reportRetryPause,
      @DefaultValue("30s") Duration shutdownGrace) {

    public Worker {
      if (id == null || id.isBlank()) {
        id = ManagementFactory.getRuntimeMXBean().getName().replace('@', '-');
      }
      if (threads < 1) {
        throw new IllegalArgumentException(
            "findoc.worker.threads must be at least 1, is " + threads);
      }
      if (maxInFlight == null) {
        maxInFlight = Math.max(256, 4 * threads);
      }
      if (maxInFlight < threads) {
        throw new IllegalArgumentException(
            "findoc.worker.max-in-flight ("
                + maxInFlight
                + ") must be at least findoc.worker.threads ("
                + threads
                + ")");
      }
    }
  }
}
