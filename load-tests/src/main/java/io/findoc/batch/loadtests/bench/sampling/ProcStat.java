package io.findoc.batch.loadtests.bench.sampling;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One reading of a process from {@code /proc}: CPU ticks (user + system, with those of reaped
 * children when asked: how a PostgreSQL server's exited backends still count) and resident memory
 * in kB (private, and shared).
 */
record ProcStat(long ticks, long privateKb, long sharedKb) {

  private static final ProcStat GONE = new ProcStat(0, 0, 0);

  static ProcStat read(long pid, boolean withReapedChildren) {
    try {
      String[] f = fields(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
      long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
      if (withReapedChildren) {
        ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
      }
      long anon = 0;
      long file = 0;
      long shmem = 0;
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("RssAnon:")) {
          anon = kb(line);
        } else if (line.startsWith("RssFile:")) {
          file = kb(line);
        } else if (line.startsWith("RssShmem:")) {
          shmem = kb(line);
        }
      }
      return new ProcStat(ticks, anon + file, shmem);
    } catch (IOException | RuntimeException e) {
      return GONE;
    }
  }

  /** The live children of {@code parent}. */
  static List<Long> childrenOf(long parent) {
    List<Long> children = new ArrayList<>();
    try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path proc : procs) {
        try {
          String[] f = fields(Files.readString(proc.resolve("stat")));
          if (Long.parseLong(f[1]) == parent) {
            children.add(Long.parseLong(proc.getFileName().toString()));
          }
        } catch (IOException | RuntimeException e) {
          // Gone meanwhile.
        }
      }
    } catch (IOException e) {
      // No /proc: nothing to add.
    }
    return children;
  }

  /**
   * The fields of a {@code stat} line after the command name, from the state on ({@code [11]} and
   * {@code [12]} are user and system ticks): the name may hold spaces, so they start after its
   * closing parenthesis.
   */
  static String[] fields(String stat) {
    return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
  }

  /** User and system ticks of a process's or a thread's {@code stat} line. */
  static long ticksOf(String stat) {
    String[] f = fields(stat);
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  private static long kb(String line) {
    return Long.parseLong(line.replaceAll("[^0-9]", ""));
  }
}
