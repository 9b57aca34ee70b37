package io.findoc.batch.loadtests.bench.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.findoc.batch.loadtests.bench.sampling.WorkerThreads.Role;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class WorkerThreadsTest {

  @Test
  void aThreadsRoleIsToldByTheNameTheKernelKeeps() {
    assertThat(Role.of("processor-cpu-1")).isEqualTo(Role.PROCESSORS);
    assertThat(Role.of("processor-io-12")).isEqualTo(Role.PROCESSORS);
    assertThat(Role.of("C2 CompilerThre")).isEqualTo(Role.JIT);
    assertThat(Role.of("C1 CompilerThre")).isEqualTo(Role.JIT);
    assertThat(Role.of("kafka-producer-")).isEqualTo(Role.KAFKA);
    assertThat(Role.of("task-intake-nor")).isEqualTo(Role.INTAKE);
    assertThat(Role.of("GC Thread#1")).isEqualTo(Role.GC);
    assertThat(Role.of("G1 Conc#0")).isEqualTo(Role.GC);
    assertThat(Role.of("VM Thread")).isEqualTo(Role.OTHER);
    assertThat(Role.of("job-controls")).isEqualTo(Role.OTHER);
  }

  @Test
  void aProcessorThreadsCpuIsCountedUnderProcessors() throws InterruptedException {
    List<Long> self = List.of(ProcessHandle.current().pid());
    long before = WorkerThreads.ticks(self).get(Role.PROCESSORS);
    AtomicBoolean enough = new AtomicBoolean();
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    Thread busy =
        new Thread(
            () -> {
              // Spins until told, or for 5 s of its own CPU at most: a tick is 10 ms.
              while (!enough.get() && cpu.getCurrentThreadCpuTime() < 5_000_000_000L) {
                Thread.onSpinWait();
              }
            },
            "processor-cpu-9");
    busy.start();
    // Reads while the thread still runs: a thread that ended is no longer in /proc.
    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                Map<Role, Long> during = WorkerThreads.ticks(self);
                assertThat(during.keySet()).containsExactly(Role.values());
                assertThat(during.get(Role.PROCESSORS) - before).isGreaterThanOrEqualTo(2);
              });
    } finally {
      enough.set(true);
      busy.join();
    }
  }
}
