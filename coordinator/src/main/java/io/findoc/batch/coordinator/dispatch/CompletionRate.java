package io.findoc.batch.coordinator.dispatch;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.springframework.stereotype.Component;

/**
 * How fast the workers finish attempts, as this coordinator sees their reports: a moving average
 * over windows of half a second. The dispatcher sizes its credit from it, so that what waits in
 * Kafka is a couple of seconds of work, whatever the tasks cost.
 */
@Component
public class CompletionRate {

  private static final long WINDOW_NANOS = 500_000_000L;
  private static final double WEIGHT_OF_NEWEST = 0.5;

  private final AtomicLong finished = new AtomicLong();
  private final LongSupplier nanoTime;
  private long windowStart;
  private long finishedAtWindowStart;
  private double perSecond;

  public CompletionRate() {
    this(System::nanoTime);
  }

  CompletionRate(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
    this.windowStart = nanoTime.getAsLong();
  }

  /** Counts attempts that ended (succeeded, failed, or failed to be retried). */
  public void record(int attempts) {
    finished.addAndGet(attempts);
  }

  /** The attempts finished per second, lately. */
  public synchronized double perSecond() {
    long now = nanoTime.getAsLong();
    long elapsed = now - windowStart;
    if (elapsed >= WINDOW_NANOS) {
      long total = finished.get();
      double latest = (total - finishedAtWindowStart) * 1e9 / elapsed;
      perSecond =
          perSecond == 0 ? latest : WEIGHT_OF_NEWEST * latest + (1 - WEIGHT_OF_NEWEST) * perSecond;
      windowStart = now;
      finishedAtWindowStart = total;
    }
    return perSecond;
  }
}
