package io.findoc.batch.loadtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code findoc} launcher of the repository for an end-to-end test, its output inherited.
 */
public final class Launcher {

  private Launcher() {}

  /**
   * Runs {@code root/findoc args} in {@code root} with {@code env} added to the environment.
   *
   * @return its exit code; -1 if it did not end within {@code timeout} (it is killed) or the wait
   *     was interrupted
   */
  public static int run(Path root, Map<String, String> env, Duration timeout, String... args) {
    List<String> command = new ArrayList<>();
    command.add(root.resolve("findoc").toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).inheritIO();
    builder.environment().putAll(env);
    return exitCode(builder, timeout);
  }

  /**
   * Starts {@code builder}'s process and waits for it to end.
   *
   * @return its exit code; -1 if it did not end within {@code timeout} (it is killed) or the wait
   *     was interrupted
   */
  public static int exitCode(ProcessBuilder builder, Duration timeout) {
    try {
      Process process = builder.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        return -1;
      }
      return process.exitValue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
