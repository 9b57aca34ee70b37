package io.findoc.batch.loadtests.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * A Flight Recording of the coordinator over one run ({@code jcmd <pid> JFR.start ... settings=
 * profile}, then {@code JFR.dump}), and its hot methods: the share of execution samples whose top
 * frame is the method (self time), and the share that have it anywhere on the stack (total), as
 * {@code jfr view hot-methods} does on JDK 21 (JDK 17 has no {@code jfr view}); and the share of
 * each thread (pool), which shows what runs beside the hot path.
 */
public final class CoordinatorProfile {

  private static final String NAME = "findoc-bench";

  private final long pid;
  private final Path file;

  private CoordinatorProfile(long pid, Path file) {
    this.pid = pid;
    this.file = file;
  }

  /** Starts recording the coordinator with pid {@code pid}; the recording goes to {@code file}. */
  public static CoordinatorProfile start(long pid, Path file) throws IOException {
    CoordinatorProfile profile = new CoordinatorProfile(pid, file.toAbsolutePath());
    profile.jcmd("JFR.start", "name=" + NAME, "settings=profile");
    return profile;
  }

  /** Stops the recording, writes it, and prints and answers the top methods. */
  public List<String> stopAndPrint(int top) throws IOException {
    jcmd("JFR.dump", "name=" + NAME, "filename=" + file);
    jcmd("JFR.stop", "name=" + NAME);
    List<String> lines = hotMethods(file, top);
    System.out.println("  coordinator profile " + file + " (open it in JDK Mission Control):");
    lines.forEach(line -> System.out.println("    " + line));
    return lines;
  }

  /** The top methods of the execution samples in a recording, self and total shares. */
  public static List<String> hotMethods(Path recording, int top) throws IOException {
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> total = new HashMap<>();
    Map<String, Integer> threads = new HashMap<>();
    int samples = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
        continue;
      }
      RecordedStackTrace stack = event.getStackTrace();
      if (stack == null || stack.getFrames().isEmpty()) {
        continue;
      }
      samples++;
      threads.merge(threadOf(event), 1, Integer::sum);
      List<RecordedFrame> frames = stack.getFrames();
      self.merge(method(frames.get(0)), 1, Integer::sum);
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (RecordedFrame frame : frames) {
        if (seen.add(method(frame))) {
          total.merge(method(frame), 1, Integer::sum);
        }
      }
    }
    List<String> lines = new ArrayList<>();
    lines.add(samples + " execution samples; self = top of the stack, total = anywhere on it");
    lines.addAll(top("self", self, samples, top));
    lines.addAll(top("total (findoc code)", filter(total, "io.findoc."), samples, top));
    lines.addAll(top("threads (numbers folded: a pool is one line)", threads, samples, top));
    return lines;
  }

  /** The sampled thread's name with its digits folded into N, so that a pool counts as one. */
  private static String threadOf(RecordedEvent event) {
    RecordedThread thread = event.getThread("sampledThread");
    String name = thread == null ? null : thread.getJavaName();
    return name == null ? "(unknown)" : name.replaceAll("\\d+", "N");
  }

  private static Map<String, Integer> filter(Map<String, Integer> counts, String prefix) {
    Map<String, Integer> kept = new HashMap<>();
    counts.forEach(
        (method, count) -> {
          if (method.startsWith(prefix)) {
            kept.put(method, count);
          }
        });
    return kept;
  }

  private static List<String> top(String what, Map<String, Integer> counts, int samples, int n) {
    List<String> lines = new ArrayList<>();
    lines.add(what + ":");
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
        .limit(n)
        .forEach(
            e ->
                lines.add(
                    String.format(
                        Locale.ROOT,
                        "%6.2f%%  %s",
                        100.0 * e.getValue() / Math.max(1, samples),
                        e.getKey())));
    return lines;
  }

  private static String method(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }

  private void jcmd(String... command) throws IOException {
    List<String> line = new ArrayList<>(List.of("jcmd", Long.toString(pid)));
    line.addAll(List.of(command));
    Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    try {
      if (!process.waitFor(Duration.ofMinutes(1).toSeconds(), TimeUnit.SECONDS)
          || process.exitValue() != 0) {
        throw new IOException(String.join(" ", line) + " failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + String.join(" ", line), e);
    }
  }
}
