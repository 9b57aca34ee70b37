package io.findoc.batch.loadtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every shell script of the repository ({@code ./findoc}, {@code .ci/run} and any other file that
 * starts with a shell's {@code #!}) passes shellcheck. Skipped with a loud message where shellcheck
 * is not installed; {@code ./findoc test} installs it as root with apt.
 */
class ShellScriptsTest {

  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final Set<String> NOT_SOURCES = Set.of(".git", "target", "var", "node_modules");

  @Test
  void everyShellScriptIsShellcheckClean() throws IOException, InterruptedException {
    List<Path> scripts = shellScripts();
    assertThat(scripts)
        .as("the launcher and the CI script are found")
        .contains(ROOT.resolve("findoc"), ROOT.resolve(".ci/run"));
    String shellcheck = shellcheck();
    if (shellcheck == null) {
      System.err.println(
          "\n\n  *** ShellScriptsTest SKIPPED: no shellcheck on the PATH. Install it with"
              + " 'apt-get install -y shellcheck' (./findoc test does it as root). ***\n");
    }
    assumeTrue(shellcheck != null, "shellcheck is needed to check the shell scripts");
    List<String> command = new ArrayList<>(List.of(shellcheck, "--format=gcc"));
    scripts.forEach(script -> command.add(ROOT.relativize(script).toString()));
    Process process =
        new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("shellcheck finished").isTrue();
    assertThat(output).as("shellcheck's findings").isEmpty();
    assertThat(process.exitValue()).as("shellcheck's exit code").isZero();
  }

  private static List<Path> shellScripts() throws IOException {
    List<Path> scripts = new ArrayList<>();
    Files.walkFileTree(
        ROOT,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
            return NOT_SOURCES.contains(dir.getFileName().toString())
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            if (attributes.isRegularFile() && startsWithShellShebang(file)) {
              scripts.add(file);
            }
            return FileVisitResult.CONTINUE;
          }
        });
    scripts.sort(null);
    return scripts;
  }

  private static boolean startsWithShellShebang(Path file) {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
      String first = reader.readLine();
      return first != null
          && first.startsWith("#!")
          && first.matches("#!\\s*/\\S*(/|env\\s+)(ba|da|k)?sh(\\s.*)?");
    } catch (IOException unreadable) {
      return false;
    }
  }

  private static String shellcheck() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      File candidate = new File(dir, "shellcheck");
      if (candidate.canExecute()) {
        return candidate.getPath();
      }
    }
    return null;
  }
}
