package io.findoc.batch.cli.watch;

import java.io.PrintStream;
import java.time.Duration;

/** A progress bar redrawn in place on a terminal (stderr), one line. */
public final class TerminalBar implements ProgressView {

  private static final String CLEAR_LINE = "\r\033[K";
  private static final int BAR_WIDTH = 24;

  private final PrintStream err;
  private boolean drawn;

  public TerminalBar(PrintStream err) {
    this.err = err;
  }

  /** The line the bar shows. */
  public static String line(Progress progress, double rate, Duration eta) {
    return ProgressText.bar(progress, BAR_WIDTH) + " " + ProgressText.summary(progress, rate, eta);
  }

  @Override
  public void update(Progress progress, double rate, Duration eta) {
    err.print(CLEAR_LINE + line(progress, rate, eta));
    err.flush();
    drawn = true;
  }

  @Override
  public void finish(Progress progress, double meanRate) {
    err.print(CLEAR_LINE + line(progress, meanRate, Duration.ZERO) + "\n");
    err.flush();
    drawn = false;
  }

  @Override
  public void say(String message) {
    err.print((drawn ? CLEAR_LINE : "") + message + "\n");
    err.flush();
    drawn = false;
  }
}
