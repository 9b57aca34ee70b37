package io.findoc.batch.cli.watch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Tasks finished per second over the last {@code window}, and the time the rest will take at that
 * rate.
 */
public final class RateMeter {

  private record Sample(Instant at, int done) {}

  private final Duration window;
  private final Deque<Sample> samples = new ArrayDeque<>();

  public RateMeter(Duration window) {
    this.window = window;
  }

  public void add(Instant at, int done) {
    samples.addLast(new Sample(at, done));
    while (samples.size() > 2 && samples.peekFirst().at().isBefore(at.minus(window))) {
      samples.removeFirst();
    }
  }

  /** Tasks per second, 0 until two samples a moment apart. */
  public double perSecond() {
    if (samples.size() < 2) {
      return 0;
    }
    Sample first = samples.peekFirst();
    Sample last = samples.peekLast();
    double seconds = Duration.between(first.at(), last.at()).toMillis() / 1000.0;
    return seconds <= 0 ? 0 : Math.max(0, (last.done() - first.done()) / seconds);
  }

  /** The time {@code remaining} tasks take at the current rate, or null if it is not known. */
  public Duration eta(int remaining) {
    double rate = perSecond();
    if (remaining <= 0) {
      return Duration.ZERO;
    }
    return rate <= 0 ? null : Duration.ofMillis((long) (remaining / rate * 1000));
  }
}
