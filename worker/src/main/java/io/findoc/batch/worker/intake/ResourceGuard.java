package io.findoc.batch.worker.intake;

import io.findoc.batch.common.agent.PeriodicAgent;
import io.findoc.batch.worker.config.WorkerProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Samples the worker's CPU and live heap every {@code findoc.worker.resources.check-period} and
 * holds the intake ({@link IntakeThrottle#hold}) while {@link ResourceCeiling} says so: the
 * containers pause but keep polling, running tasks finish, and intake resumes below the ceilings.
 * Meters: {@code findoc.worker.process.cpu}, {@code findoc.worker.heap.live}, {@code
 * findoc.worker.intake.held} and the counter {@code findoc.worker.intake.holds}.
 */
@Component
public class ResourceGuard extends PeriodicAgent implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(ResourceGuard.class);

  private final IntakeThrottle throttle;
  private final ResourceCeiling ceiling;
  private final Counter holds;
  private final List<MemoryPoolMXBean> heapPools =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(pool -> pool.getType() == MemoryType.HEAP)
          .toList();
  private volatile double lastCpu = -1;
  private volatile long lastHeap;

  public ResourceGuard(IntakeThrottle throttle, WorkerProperties properties, MeterRegistry meters) {
    super("resource-guard", properties.worker().intake().resources().checkPeriod(), Start.AT_ONCE);
    this.throttle = throttle;
    WorkerProperties.Resources resources = properties.worker().intake().resources();
    this.ceiling = new ResourceCeiling(resources.cpuCeiling(), resources.heapCeiling());
    this.holds =
        Counter.builder("findoc.worker.intake.holds")
            .description("times intake was held because CPU or heap passed its ceiling")
            .register(meters);
    Gauge.builder("findoc.worker.process.cpu", this, g -> g.lastCpu)
        .description("the worker process's share of the machine's CPU, 0 to 1")
        .register(meters);
    Gauge.builder("findoc.worker.heap.live", this, g -> g.lastHeap)
        .description("heap in use after the last collection, bytes")
        .baseUnit("bytes")
        .register(meters);
    Gauge.builder("findoc.worker.intake.held", throttle, t -> t.isHeld() ? 1 : 0)
        .description("1 while intake is held for CPU or heap")
        .register(meters);
  }

  /** The process's share of the machine's CPU at the last sample, 0 to 1 (negative: unknown). */
  public double processCpu() {
    return lastCpu;
  }

  /** Heap in use after the last collection. */
  public long liveHeap() {
    return lastHeap;
  }

  void check() {
    lastCpu = processCpuLoad();
    lastHeap = liveHeapBytes();
    long max = Runtime.getRuntime().maxMemory();
    double heapShare = max > 0 ? (double) lastHeap / max : 0;
    boolean wasHolding = ceiling.holding();
    boolean hold = ceiling.sample(lastCpu, heapShare);
    if (hold != wasHolding) {
      if (hold) {
        holds.increment();
        LOG.warn(
            "CPU {} or live heap {} of the maximum is above its ceiling: intake is held; running"
                + " tasks go on, and intake resumes once both are below.",
            String.format("%.0f%%", 100 * Math.max(0, lastCpu)),
            String.format("%.0f%%", 100 * heapShare));
      } else {
        LOG.info("CPU and heap are below their ceilings again: intake resumes.");
      }
      throttle.hold(hold);
    }
  }

  private static double processCpuLoad() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuLoad();
    }
    return -1;
  }

  private long liveHeapBytes() {
    long used = 0;
    for (MemoryPoolMXBean pool : heapPools) {
      MemoryUsage afterCollection = pool.getCollectionUsage();
      used += afterCollection != null ? afterCollection.getUsed() : pool.getUsage().getUsed();
    }
    return used;
  }

  @Override
  protected void runPass() {
    check();
  }

  @Override
  protected void logFailure(RuntimeException e) {
    LOG.warn("Could not sample CPU and heap; trying again in {}.", period(), e);
  }
}
