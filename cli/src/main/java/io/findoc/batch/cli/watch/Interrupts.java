package io.findoc.batch.cli.watch;

import io.findoc.batch.cli.ExitCode;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * Ctrl-C as the client understands it: the first asks the running command to stop at the next safe
 * point (watching ends, a submission ends after the chunk it is sending) and say how to go on; the
 * second ends the process at once.
 */
public final class Interrupts {

  private final AtomicInteger count = new AtomicInteger();
  private final PrintStream err;
  private final List<Runnable> onStop = new CopyOnWriteArrayList<>();

  private Interrupts(PrintStream err) {
    this.err = err;
  }

  /** Takes over SIGINT for this process. */
  public static Interrupts install(PrintStream err) {
    Interrupts interrupts = new Interrupts(err);
    try {
      Signal.handle(new Signal("INT"), signal -> interrupts.interrupted());
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      // No SIGINT here (some platforms): Ctrl-C then ends the process as usual.
    }
    return interrupts;
  }

  /** Interrupts that only a test triggers. */
  public static Interrupts none(PrintStream err) {
    return new Interrupts(err);
  }

  void interrupted() {
    if (count.incrementAndGet() >= 2) {
      err.println("\nfindoc: aborted.");
      err.flush();
      Runtime.getRuntime().halt(ExitCode.INTERRUPTED);
    }
    err.println("\nfindoc: stopping; Ctrl-C again aborts at once.");
    err.flush();
    onStop.forEach(Runnable::run);
  }

  /**
   * Runs {@code action} at the first Ctrl-C (on the signal's thread): for a command blocked in a
   * read, which it ends by closing what it reads.
   */
  public void onStop(Runnable action) {
    onStop.add(action);
  }

  /** Whether the user asked to stop. */
  public boolean stopRequested() {
    return count.get() > 0;
  }
}
