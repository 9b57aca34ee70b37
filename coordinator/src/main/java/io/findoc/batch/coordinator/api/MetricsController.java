package io.findoc.batch.coordinator.api;

import io.findoc.batch.coordinator.metrics.MetricsHistory;
import io.findoc.batch.coordinator.metrics.MetricsReporter;
import io.findoc.batch.coordinator.metrics.MetricsSnapshot;
import io.findoc.batch.coordinator.security.Caller;
import io.findoc.batch.coordinator.security.CurrentCaller;
import io.findoc.batch.coordinator.security.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/batch/metrics} (the figures now) and {@code GET /api/batch/metrics/history}
 * (per-step figures from {@code from} to {@code to}). A tenant's key sees the figures of its
 * tenant's jobs; the platform admin's, those of all.
 */
@RestController
@RequestMapping("/api/batch/metrics")
public class MetricsController {

  private static final Duration DEFAULT_RANGE = Duration.ofHours(1);

  private final MetricsReporter reporter;
  private final MetricsHistory history;
  private final CurrentCaller callers;
  private final Clock clock;

  public MetricsController(
      MetricsReporter reporter, MetricsHistory history, CurrentCaller callers, Clock clock) {
    this.reporter = reporter;
    this.history = history;
    this.callers = callers;
    this.clock = clock;
  }

  @GetMapping
  public MetricsSnapshot metrics() {
    return reporter.snapshot(scope());
  }

  /**
   * @param from ISO-8601 instant, rounded down to the minute (default {@code to} minus 1 hour)
   * @param to ISO-8601 instant, exclusive (default now)
   * @param step whole minutes, as {@code 5m} or {@code PT5M} (default 1 minute); at most {@value
   *     MetricsHistory#MAX_POINTS} steps
   */
  @GetMapping("/history")
  public MetricsHistory.History history(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String step) {
    String tenant = scope();
    Instant end = to == null ? clock.instant() : instant("to", to);
    Instant start = from == null ? end.minus(DEFAULT_RANGE) : instant("from", from);
    start = start.truncatedTo(ChronoUnit.MINUTES);
    Duration length = step == null ? Duration.ofMinutes(1) : duration(step);
    if (!start.isBefore(end)) {
      throw new InvalidParameterException("from", "must be before to");
    }
    long points = Duration.between(start, end).toSeconds() / length.toSeconds();
    if (points > MetricsHistory.MAX_POINTS) {
      throw new InvalidParameterException(
          "step",
          "gives "
              + points
              + " points from "
              + start
              + " to "
              + end
              + "; at most "
              + MetricsHistory.MAX_POINTS
              + " are served: use a longer step");
    }
    return history.of(tenant, start, end, length);
  }

  private String scope() {
    Caller caller = callers.get();
    caller.require(Role.VIEWER);
    return caller.tenantId();
  }

  private static Instant instant(String name, String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidParameterException(
          name, "must be an ISO-8601 instant such as 2025-01-31T12:00:00Z");
    }
  }

  private static Duration duration(String value) {
    Duration step;
    try {
      step = DurationStyle.detectAndParse(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("step", "must be a duration such as 5m or PT5M");
    }
    if (step.compareTo(Duration.ofMinutes(1)) < 0 || step.toSeconds() % 60 != 0) {
      throw new InvalidParameterException("step", "must be a whole number of minutes, at least 1");
    }
    return step;
  }
}
