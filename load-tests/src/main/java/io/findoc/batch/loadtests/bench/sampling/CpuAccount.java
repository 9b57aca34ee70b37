package io.findoc.batch.loadtests.bench.sampling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the machine's CPU went over a stretch of time: all of it ({@code /proc/stat}), the given
 * processes' (the workers), and this JVM's (the bench's polling); the rest is the stack's own use
 * (coordinator, broker, PostgreSQL).
 */
public final class CpuAccount {

  private static final double TICKS_PER_SECOND = 100;

  /** A reading: machine busy ticks, the processes' ticks, this JVM's ticks, when. */
  public record Reading(long machineBusy, long processes, long bench, long nanos) {

    /** The cores used per second since {@code before}: machine, processes, the rest. */
    public Used since(Reading before) {
      double seconds = (nanos - before.nanos) / 1e9;
      double machine = (machineBusy - before.machineBusy) / TICKS_PER_SECOND / seconds;
      double workers = (processes - before.processes) / TICKS_PER_SECOND / seconds;
      double client = (bench - before.bench) / TICKS_PER_SECOND / seconds;
      return new Used(machine, workers, Math.max(0, machine - workers - client));
    }
  }

  /** Cores in use on average: the machine's, the processes', and the stack's own. */
  public record Used(double machine, double processes, double stack) {}

  private CpuAccount() {}

  /** Reads the machine and {@code pids} now. */
  public static Reading read(List<Long> pids) {
    long processes = 0;
    for (long pid : pids) {
      processes += ProcStat.read(pid, false).ticks();
    }
    long bench = ProcStat.read(ProcessHandle.current().pid(), false).ticks();
    return new Reading(machineBusy(), processes, bench, System.nanoTime());
  }

  /** Busy ticks of all CPUs: everything but idle and I/O wait. */
  private static long machineBusy() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long busy = 0;
      for (int i = 1; i < Math.min(f.length, 9); i++) {
        if (i != 4 && i != 5) {
          busy += Long.parseLong(f[i]);
        }
      }
      return busy;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
