package io.findoc.batch.loadtests.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The findoc client's executable jar run as users run it: its own process, its exit code, what it
 * printed on stdout and on stderr.
 */
final class ClientRun {

  /** A finished run. */
  record Result(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  private final Path root;
  private final Path work;
  private final Map<String, String> env;

  ClientRun(Path root, Path work, Map<String, String> env) {
    this.root = root;
    this.work = work;
    this.env = env;
  }

  /** The client's command line: java -jar cli/target/cli-*-exec.jar with {@code args}. */
  List<String> command(String... args) {
    List<String> command = new ArrayList<>(List.of("java", "-Xmx128m", "-jar", jar().toString()));
    command.addAll(List.of(args));
    return command;
  }

  Result run(String... args) {
    return finish(start(command(args)), 5);
  }

  Process start(List<String> command) {
    try {
      Files.createDirectories(work);
      Path out = Files.createTempFile(work, "out-", ".txt");
      Path err = Files.createTempFile(work, "err-", ".txt");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(root.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      builder.environment().putAll(env);
      Process process = builder.start();
      OUTPUTS.put(process, new Path[] {out, err});
      return process;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What a started process has written to stderr so far. */
  static String errSoFar(Process process) {
    return read(OUTPUTS.get(process)[1]);
  }

  /** What a started process has written to stdout so far. */
  static String outSoFar(Process process) {
    return read(OUTPUTS.get(process)[0]);
  }

  static Result finish(Process process, int minutes) {
    try {
      if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("the client did not end within " + minutes + " min");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    Path[] files = OUTPUTS.remove(process);
    return new Result(process.exitValue(), read(files[0]), read(files[1]));
  }

  private static final Map<Process, Path[]> OUTPUTS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path jar() {
    try (Stream<Path> files = Files.list(root.resolve("cli/target"))) {
      return files
          .filter(f -> f.getFileName().toString().endsWith("-exec.jar"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("cli/target has no -exec.jar: build cli first"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
