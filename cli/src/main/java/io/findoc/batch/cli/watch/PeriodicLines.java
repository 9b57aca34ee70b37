package io.findoc.batch.cli.watch;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Progress for logs and pipes: a plain line every {@code interval}, and one at the end. */
public final class PeriodicLines implements ProgressView {

  private final PrintStream err;
  private final Clock clock;
  private final Duration interval;
  private Instant last;

  public PeriodicLines(PrintStream err, Clock clock, Duration interval) {
    this.err = err;
    this.clock = clock;
    this.interval = interval;
  }

  @Override
  public void update(Progress progress, double rate, Duration eta) {
    Instant now = clock.instant();
    if (last == null || !now.isBefore(last.plus(interval))) {
      last = now;
      err.println("findoc: " + ProgressText.summary(progress, rate, eta));
      err.flush();
    }
  }

  @Override
  public void finish(Progress progress, double meanRate) {
    err.println("findoc: done: " + ProgressText.summary(progress, meanRate, Duration.ZERO));
    err.flush();
  }

  @Override
  public void say(String message) {
    err.println(message);
    err.flush();
  }
}
