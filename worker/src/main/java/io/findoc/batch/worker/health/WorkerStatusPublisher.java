package io.findoc.batch.worker.health;

import io.findoc.batch.common.agent.PeriodicAgent;
import io.findoc.batch.common.json.JsonSerde;
import io.findoc.batch.common.message.Priority;
import io.findoc.batch.common.message.WorkerHeartbeat;
import io.findoc.batch.worker.config.WorkerProperties;
import io.findoc.batch.worker.intake.IntakeThrottle;
import io.findoc.batch.worker.intake.ResourceGuard;
import io.findoc.batch.worker.intake.WorkerDrain;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes this worker's {@link WorkerHeartbeat} on the compacted workers topic every {@code
 * findoc.worker.status-interval} (5 s), keyed by worker id, and a tombstone when it stops, so the
 * coordinators' metrics list it as live with its tasks in flight, CPU and heap. A heartbeat the
 * broker does not take is simply replaced by the next one.
 */
@Component
public class WorkerStatusPublisher extends PeriodicAgent implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(WorkerStatusPublisher.class);

  private final KafkaTemplate<String, byte[]> kafka;
  private final IntakeThrottle throttle;
  private final ResourceGuard resources;
  private final WorkerDrain drain;
  private final Clock clock;
  private final String topic;
  private final String workerId;
  private final int threads;
  private final Duration interval;
  private final String host;
  private final JsonSerde<WorkerHeartbeat> serde = new JsonSerde<>(WorkerHeartbeat.class);

  public WorkerStatusPublisher(
      KafkaTemplate<String, byte[]> kafka,
      IntakeThrottle throttle,
      ResourceGuard resources,
      WorkerDrain drain,
      Clock clock,
      WorkerProperties properties) {
    super("worker-heartbeat", properties.worker().reporting().statusInterval(), Start.AT_ONCE);
    this.kafka = kafka;
    this.throttle = throttle;
    this.resources = resources;
    this.drain = drain;
    this.clock = clock;
    this.topic = properties.topics().workers();
    this.workerId = properties.worker().id();
    this.threads = properties.worker().execution().threads();
    this.interval = properties.worker().reporting().statusInterval();
    this.host = hostName();
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown";
    }
  }

  /** This worker's heartbeat now. */
  WorkerHeartbeat heartbeat() {
    Map<String, Integer> inFlight = new LinkedHashMap<>();
    for (Priority priority : Priority.values()) {
      inFlight.put(priority.wireName(), throttle.inFlight(priority));
    }
    return new WorkerHeartbeat(
        WorkerHeartbeat.VERSION,
        workerId,
        host,
        clock.instant(),
        threads,
        inFlight,
        resources.processCpu(),
        resources.liveHeap(),
        Runtime.getRuntime().maxMemory(),
        throttle.isHeld(),
        drain.intake());
  }

  @Override
  protected void runPass() {
    kafka.send(topic, workerId, serde.serialize(topic, heartbeat()));
  }

  @Override
  protected void logFailure(RuntimeException e) {
    LOG.debug("Heartbeat not sent; the next one follows in {}.", interval, e);
  }

  @Override
  public synchronized void stop() {
    // On the heartbeat thread, and waited for at most a few seconds: send() itself blocks up to
    // the producer's max.block.ms (60 s) while the topic's metadata is missing, which must not
    // hold up the worker's shutdown.
    Future<?> tombstone =
        submit(
            () -> {
              kafka.send(topic, workerId, null).get(2, TimeUnit.SECONDS);
              return null;
            });
    if (tombstone == null) {
      return;
    }
    try {
      tombstone.get(3, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.debug("No tombstone for this worker; coordinators drop it after its timeout.", e);
    } finally {
      super.stop();
    }
  }

  /** Stops before the producer closes, after intake and the runner. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 300;
  }
}
