package io.findoc.batch.loadtests.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoordinatorProfileTest {

  @TempDir Path folder;

  @Test
  void hotMethodsNameTheBusyMethodAndItsThreadPoolAsOneLine() throws Exception {
    Path file = folder.resolve("busy.jfr");
    try (Recording recording = new Recording()) {
      recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
      recording.start();
      // JFR's sampler may start late on a busy machine: spin until it has sampled both spinners.
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      do {
        Thread first = new Thread(CoordinatorProfileTest::spin, "spinner-1");
        Thread second = new Thread(CoordinatorProfileTest::spin, "spinner-2");
        first.start();
        second.start();
        first.join();
        second.join();
        recording.dump(file);
      } while (spinnerSamples(file) < 20 && System.nanoTime() < deadline);
      recording.stop();
      recording.dump(file);
    }

    List<String> lines = CoordinatorProfile.hotMethods(file, 5);

    assertThat(lines.get(0))
        .endsWith("execution samples; self = top of the stack, total = anywhere on it");
    assertThat(lines).contains("threads (numbers folded: a pool is one line):");
    assertThat(lines).anyMatch(line -> line.endsWith("  spinner-N"));
    assertThat(lines).noneMatch(line -> line.endsWith("spinner-1") || line.endsWith("spinner-2"));
  }

  private static long spinnerSamples(Path file) throws java.io.IOException {
    return RecordingFile.readAllEvents(file).stream()
        .filter(event -> event.getEventType().getName().equals("jdk.ExecutionSample"))
        .map(event -> event.getThread("sampledThread"))
        .filter(thread -> thread != null && thread.getJavaName().startsWith("spinner-"))
        .count();
  }

  private static void spin() {
    long until = System.nanoTime() + Duration.ofMillis(600).toNanos();
    double x = 0;
    while (System.nanoTime() < until) {
      x += Math.sqrt(x + 1);
    }
    if (x < 0) {
      System.out.println(x);
    }
  }
}
