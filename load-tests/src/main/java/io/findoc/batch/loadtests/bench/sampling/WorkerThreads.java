package io.findoc.batch.loadtests.bench.sampling;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where a worker's CPU goes, by thread, from {@code /proc/<pid>/task}: a profiler attached to a
 * running JDK 17 worker would throw its compiled code away and measure a worker warming again.
 */
public final class WorkerThreads {

  /** What a thread of a worker does, told by its name (the kernel keeps its first 15 bytes). */
  public enum Role {
    /** Runs tasks: {@code processor-cpu-N}, {@code processor-io-N}. */
    PROCESSORS("processors"),
    /** The JIT compilers: {@code C1 CompilerThread}, {@code C2 CompilerThread}. */
    JIT("JIT"),
    /** The Kafka clients' own threads: producer network thread, consumer heartbeats. */
    KAFKA("Kafka clients"),
    /** The listener containers polling tasks: {@code task-intake-<priority>-...}. */
    INTAKE("intake"),
    /** The garbage collector's threads. */
    GC("GC"),
    /** Everything else: reporting, job controls, metrics, the VM thread. */
    OTHER("other");

    private final String label;

    Role(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /**
     * The role of a thread named {@code name} (as {@code /proc/<pid>/task/<tid>/comm} gives it).
     */
    public static Role of(String name) {
      if (name.startsWith("processor-")) {
        return PROCESSORS;
      }
      if (name.contains("CompilerThre")) {
        return JIT;
      }
      if (name.startsWith("kafka-")) {
        return KAFKA;
      }
      if (name.startsWith("task-intake")) {
        return INTAKE;
      }
      if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
        return GC;
      }
      return OTHER;
    }
  }

  private WorkerThreads() {}

  /**
   * CPU ticks (user + system, 100 a second) the live threads of {@code pids} have used, summed by
   * role; a thread that ended meanwhile is not counted.
   */
  public static Map<Role, Long> ticks(List<Long> pids) {
    Map<Role, Long> ticks = new EnumMap<>(Role.class);
    for (Role role : Role.values()) {
      ticks.put(role, 0L);
    }
    for (long pid : pids) {
      Path tasks = Path.of("/proc", Long.toString(pid), "task");
      try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
        for (Path thread : threads) {
          add(ticks, thread);
        }
      } catch (IOException e) {
        // The process is gone: nothing to add.
      }
    }
    return ticks;
  }

  private static void add(Map<Role, Long> ticks, Path thread) {
    try {
      String name = Files.readString(thread.resolve("comm")).strip();
      ticks.merge(
          Role.of(name), ProcStat.ticksOf(Files.readString(thread.resolve("stat"))), Long::sum);
    } catch (IOException | RuntimeException e) {
      // The thread ended meanwhile.
    }
  }
}
