package io.findoc.batch.coordinator.ui;

import io.findoc.batch.coordinator.metrics.MetricsHistory;
import io.findoc.batch.coordinator.metrics.Percentiles;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The overview's charts as SVG polylines drawn on the server: no chart library, no script, no
 * inline style.
 */
public final class UiCharts {

  private UiCharts() {}

  static final int WIDTH = 300;
  static final int HEIGHT = 60;

  /**
   * One chart: its title, the polyline of the last hour and of the last day, and their peaks as
   * text.
   */
  public record Chart(String title, String hour, String day, String hourPeak, String dayPeak) {}

  /** Tasks per second, end-to-end p95 and error rate over the hour and the day. */
  static List<Chart> of(MetricsHistory.History hour, MetricsHistory.History day) {
    return List.of(
        chart("Tasks/s", hour, day, MetricsHistory.Point::tasksPerSecond),
        chart("End-to-end p95 (ms)", hour, day, p -> value(p.endToEnd())),
        chart("Error rate", hour, day, MetricsHistory.Point::errorRate));
  }

  private static Chart chart(
      String title,
      MetricsHistory.History hour,
      MetricsHistory.History day,
      ToDoubleFunction<MetricsHistory.Point> value) {
    return new Chart(
        title,
        polyline(hour.points(), value),
        polyline(day.points(), value),
        peak(hour.points(), value),
        peak(day.points(), value));
  }

  private static String peak(
      List<MetricsHistory.Point> points, ToDoubleFunction<MetricsHistory.Point> value) {
    return String.format(Locale.ROOT, "%.2f", points.stream().mapToDouble(value).max().orElse(0));
  }

  private static double value(Percentiles percentiles) {
    return percentiles == null || percentiles.p95Ms() == null ? 0 : percentiles.p95Ms();
  }

  static String polyline(
      List<MetricsHistory.Point> points, ToDoubleFunction<MetricsHistory.Point> value) {
    if (points.isEmpty()) {
      return "";
    }
    double max = points.stream().mapToDouble(value).max().orElse(0);
    double scale = max <= 0 ? 0 : (HEIGHT - 2) / max;
    double step = points.size() == 1 ? 0 : (double) WIDTH / (points.size() - 1);
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < points.size(); i++) {
      double y = HEIGHT - 1 - value.applyAsDouble(points.get(i)) * scale;
      line.append(String.format(Locale.ROOT, "%.1f,%.1f ", i * step, y));
    }
    return line.toString().strip();
  }
}
