package io.findoc.batch.cli.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether stderr is a terminal, where a bar may be redrawn in place. */
public final class Terminal {

  private Terminal() {}

  /**
   * On Linux, whether file descriptor 2 is a tty device; elsewhere, whether the JVM has a console
   * (stdin and stdout are terminals). {@code TERM=dumb} is never one.
   */
  public static boolean stderrIsTerminal() {
    if ("dumb".equals(System.getenv("TERM"))) {
      return false;
    }
    Path fd = Path.of("/proc/self/fd/2");
    if (Files.exists(Path.of("/proc/self/fd"))) {
      try {
        String target = Files.readSymbolicLink(fd).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      } catch (IOException | UnsupportedOperationException e) {
        return false;
      }
    }
    return System.console() != null;
  }
}
