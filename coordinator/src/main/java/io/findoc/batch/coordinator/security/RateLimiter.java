package io.findoc.batch.coordinator.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per key, in this coordinator's memory: {@code burst} requests at once, refilled at
 * {@code perSecond}. With several coordinators each limits what it serves. (A bucket is a dozen
 * lines; a library for it would bring more than it saves.)
 */
final class RateLimiter {

  private final double perSecond;
  private final double burst;
  private final LongSupplier nanoTime;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  RateLimiter(int perSecond, int burst, LongSupplier nanoTime) {
    this.perSecond = perSecond;
    this.burst = Math.max(1, burst);
    this.nanoTime = nanoTime;
  }

  /** Takes a request from the key's bucket; returns how long to wait, or null if it may go on. */
  Duration take(String key) {
    return buckets.computeIfAbsent(key, k -> new Bucket()).take();
  }

  private final class Bucket {
    private double tokens = burst;
    private long refilledAt = nanoTime.getAsLong();

    synchronized Duration take() {
      long now = nanoTime.getAsLong();
      tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * perSecond);
      refilledAt = now;
      if (tokens >= 1) {
        tokens -= 1;
        return null;
      }
      return Duration.ofMillis((long) Math.ceil((1 - tokens) / perSecond * 1000));
    }
  }
}
