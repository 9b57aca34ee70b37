package io.findoc.batch.loadtests.bench.sampling;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Samples CPU and resident memory of the stack's processes twice a second from {@code
 * /proc/<pid>/stat} and {@code /proc/<pid>/status}: each process with a pid file in {@code var/run}
 * (broker, coordinator, each worker), the PostgreSQL server with all its backends (the postmaster's
 * own time, the time of its reaped children, and its live children), and this JVM ({@code bench},
 * where the peers run). CPU is in percent of one core; memory is anonymous plus file-backed
 * resident memory, with shared memory counted once per group (PostgreSQL's shared buffers are
 * mapped by every backend).
 */
public final class ProcessSampler implements AutoCloseable {

  private static final long TICKS_PER_SECOND = 100;
  private static final long PERIOD_MS = 500;

  private final Path var;
  private final Map<String, List<double[]>> cpu = new LinkedHashMap<>();
  private final Map<String, List<double[]>> rss = new LinkedHashMap<>();
  private final Map<String, Long> lastTicks = new LinkedHashMap<>();
  private final long t0 = System.nanoTime();
  private long lastSample;
  private SamplingThread sampling;

  private ProcessSampler(Path var) {
    this.var = var;
  }

  /** Starts sampling the processes of the stack in {@code var} (null: only this JVM). */
  public static ProcessSampler start(Path var) {
    ProcessSampler sampler = new ProcessSampler(var);
    sampler.sample();
    sampler.sampling = SamplingThread.every("process-sampler", PERIOD_MS, sampler::sample);
    return sampler;
  }

  /**
   * The CPU ticks (hundredths of a second) each process group of the stack in {@code var} has used
   * so far, grouped as the sampler groups them: the difference of two readings is the CPU used
   * between them.
   */
  public static Map<String, Long> ticks(Path var) {
    Map<String, Long> ticks = new LinkedHashMap<>();
    for (Map.Entry<String, List<Long>> group : groups(var).entrySet()) {
      long sum = 0;
      for (long pid : group.getValue()) {
        sum += ProcStat.read(pid, group.getKey().equals("postgres")).ticks();
      }
      ticks.put(group.getKey(), sum);
    }
    return ticks;
  }

  /** Per process: cpu_mean_pct, cpu_peak_pct, rss_mean_mb, rss_peak_mb. */
  public synchronized Map<String, double[]> summary() {
    Map<String, double[]> summary = new LinkedHashMap<>();
    for (String name : cpu.keySet()) {
      double[] c = meanAndPeak(cpu.get(name));
      double[] m = meanAndPeak(rss.get(name));
      summary.put(name, new double[] {c[0], c[1], m[0], m[1]});
    }
    return summary;
  }

  /** The CPU series (seconds, percent of a core) per process. */
  public synchronized Map<String, List<double[]>> cpuSeries() {
    return new LinkedHashMap<>(cpu);
  }

  /** The memory series (seconds, MB) per process. */
  public synchronized Map<String, List<double[]>> rssSeries() {
    return new LinkedHashMap<>(rss);
  }

  @Override
  public void close() {
    sampling.close();
    sample();
  }

  private synchronized void sample() {
    long now = System.nanoTime();
    double seconds = (now - t0) / 1e9;
    double elapsed = lastSample == 0 ? 0 : (now - lastSample) / 1e9;
    lastSample = now;
    for (Map.Entry<String, List<Long>> group : groups(var).entrySet()) {
      long ticks = 0;
      long memory = 0;
      long shared = 0;
      for (long pid : group.getValue()) {
        ProcStat stat = ProcStat.read(pid, group.getKey().equals("postgres"));
        ticks += stat.ticks();
        memory += stat.privateKb();
        shared = Math.max(shared, stat.sharedKb());
      }
      String name = group.getKey();
      Long before = lastTicks.put(name, ticks);
      if (before != null && elapsed > 0) {
        double percent = 100.0 * Math.max(0, ticks - before) / TICKS_PER_SECOND / elapsed;
        cpu.computeIfAbsent(name, k -> new ArrayList<>()).add(new double[] {seconds, percent});
        rss.computeIfAbsent(name, k -> new ArrayList<>())
            .add(new double[] {seconds, (memory + shared) / 1024.0});
      }
    }
  }

  /** Process groups by name: pid files, the PostgreSQL server and its children, this JVM. */
  private static Map<String, List<Long>> groups(Path var) {
    Map<String, List<Long>> groups = new LinkedHashMap<>();
    if (var != null && Files.isDirectory(var.resolve("run"))) {
      try (DirectoryStream<Path> pids = Files.newDirectoryStream(var.resolve("run"), "*.pid")) {
        for (Path file : pids) {
          String name = file.getFileName().toString().replace(".pid", "");
          readPid(file)
              .ifPresent(
                  pid ->
                      groups.put(
                          name.equals("postgres") ? "postgres-launcher" : name,
                          new ArrayList<>(List.of(pid))));
        }
      } catch (IOException e) {
        // The stack is stopping: sample what is left.
      }
      readPid(var.resolve("postgres/postmaster.pid"))
          .ifPresent(
              postmaster -> {
                List<Long> server = new ArrayList<>(List.of(postmaster));
                server.addAll(ProcStat.childrenOf(postmaster));
                groups.put("postgres", server);
              });
    }
    groups.put("bench", List.of(ProcessHandle.current().pid()));
    return groups;
  }

  private static OptionalLong readPid(Path file) {
    try {
      return OptionalLong.of(Long.parseLong(Files.readAllLines(file).get(0).strip()));
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  private static double[] meanAndPeak(List<double[]> series) {
    if (series == null || series.isEmpty()) {
      return new double[] {0, 0};
    }
    double sum = 0;
    double peak = 0;
    for (double[] point : series) {
      sum += point[1];
      peak = Math.max(peak, point[1]);
    }
    return new double[] {sum / series.size(), peak};
  }
}
