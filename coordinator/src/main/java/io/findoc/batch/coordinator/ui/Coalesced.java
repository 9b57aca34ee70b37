package io.findoc.batch.coordinator.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A value per key computed at most once per period and shared by every caller meanwhile: every open
 * tab of the overview of a tenant reads the same figures, computed at most once a second, however
 * many tabs refresh. Callers of one key wait for one computation rather than run their own.
 *
 * @param <K> what the value is of (a tenant; null for the platform)
 * @param <V> the value
 */
final class Coalesced<K, V> {

  private record Computed<V>(Instant at, V value) {}

  private static final Object PLATFORM = new Object();

  private final Clock clock;
  private final Duration period;
  private final Function<K, V> compute;
  private final Map<Object, Computed<V>> latest = new ConcurrentHashMap<>();

  Coalesced(Clock clock, Duration period, Function<K, V> compute) {
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("the period must be positive, is " + period);
    }
    this.clock = clock;
    this.period = period;
    this.compute = Objects.requireNonNull(compute);
  }

  /** The value of {@code key}: the one computed less than a period ago, or a new one. */
  V get(K key) {
    return latest
        .compute(
            key == null ? PLATFORM : key,
            (k, known) -> {
              Instant now = clock.instant();
              if (known != null && now.isBefore(known.at().plus(period))) {
                return known;
              }
              return new Computed<>(now, compute.apply(key));
            })
        .value();
  }
}
