package io.findoc.batch.coordinator.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value per key computed at most once per period and shared by every caller meanwhile: every open
 * tab of the overview of a tenant reads the same figures, computed at most once a second, however
 * many tabs refresh. A value older than a period but younger than {@link #STALE_PERIODS} periods is
 * answered at once while one new computation runs on {@code refresher}, so a tab that refreshes
 * does not wait for it; an older one, or the first, is computed while its callers wait (callers of
 * one key wait for one computation rather than run their own).
 *
 * @param <K> what the value is of (a tenant; null for the platform)
 * @param <V> the value
 */
final class Coalesced<K, V> {

  /** How many periods old a value may be and still be answered while a new one is computed. */
  static final int STALE_PERIODS = 5;

  private static final Logger LOG = LoggerFactory.getLogger(Coalesced.class);

  private record Computed<V>(Instant at, V value) {}

  private static final Object PLATFORM = new Object();

  private final Clock clock;
  private final Duration period;
  private final Function<K, V> compute;
  private final Executor refresher;
  private final Map<Object, Computed<V>> latest = new ConcurrentHashMap<>();
  private final Set<Object> refreshing = ConcurrentHashMap.newKeySet();

  Coalesced(Clock clock, Duration period, Function<K, V> compute, Executor refresher) {
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("the period must be positive, is " + period);
    }
    this.clock = clock;
    this.period = period;
    this.compute = Objects.requireNonNull(compute);
    this.refresher = Objects.requireNonNull(refresher);
  }

  /**
   * The value of {@code key}: the one computed less than a period ago; a stale one while its
   * successor is computed; or a new one.
   */
  V get(K key) {
    Object slot = key == null ? PLATFORM : key;
    Computed<V> known = latest.get(slot);
    Instant now = clock.instant();
    if (known != null && now.isBefore(known.at().plus(period))) {
      return known.value();
    }
    if (known != null && now.isBefore(known.at().plus(period.multipliedBy(STALE_PERIODS)))) {
      if (refreshing.add(slot)) {
        refresher.execute(() -> refresh(slot, key));
      }
      return latest.get(slot).value();
    }
    return latest.compute(slot, (k, old) -> fresh(old) ? old : computed(key)).value();
  }

  private void refresh(Object slot, K key) {
    try {
      latest.compute(slot, (k, old) -> fresh(old) ? old : computed(key));
    } catch (RuntimeException e) {
      LOG.warn("Computing the value of {} failed; the last one is answered meanwhile", key, e);
    } finally {
      refreshing.remove(slot);
    }
  }

  private boolean fresh(Computed<V> known) {
    return known != null && clock.instant().isBefore(known.at().plus(period));
  }

  private Computed<V> computed(K key) {
    return new Computed<>(clock.instant(), compute.apply(key));
  }
}
