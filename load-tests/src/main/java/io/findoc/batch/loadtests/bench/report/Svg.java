package io.findoc.batch.loadtests.bench.report;

import java.util.List;
import java.util.Locale;

/** Inline SVG charts (lines over time, bars), so a results page needs nothing from the network. */
public final class Svg {

  private static final String[] COLOURS = {
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#17becf", "#7f7f7f"
  };
  private static final int WIDTH = 760;
  private static final int HEIGHT = 300;
  private static final int LEFT = 70;
  private static final int BOTTOM = 40;
  private static final int TOP = 30;
  private static final int RIGHT = 160;

  private Svg() {}

  /** A named series of points. */
  public record Series(String name, List<double[]> points) {}

  /** A line chart of several series against a shared x axis. */
  public static String lines(String title, String xLabel, String yLabel, List<Series> series) {
    double maxX = 0;
    double maxY = 0;
    for (Series s : series) {
      for (double[] p : s.points()) {
        maxX = Math.max(maxX, p[0]);
        maxY = Math.max(maxY, p[1]);
      }
    }
    maxX = maxX == 0 ? 1 : maxX;
    maxY = maxY == 0 ? 1 : maxY * 1.1;
    StringBuilder svg = frame(title, xLabel, yLabel, maxX, maxY);
    for (int i = 0; i < series.size(); i++) {
      Series s = series.get(i);
      String colour = COLOURS[i % COLOURS.length];
      svg.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" points=\"");
      for (double[] p : s.points()) {
        svg.append(fmt(x(p[0], maxX))).append(',').append(fmt(y(p[1], maxY))).append(' ');
      }
      svg.append("\"/>");
      legend(svg, i, s.name(), colour);
    }
    return svg.append("</svg>").toString();
  }

  /** A bar chart: one bar per label. */
  public static String bars(String title, String yLabel, List<String> labels, List<Double> values) {
    double maxY = values.stream().mapToDouble(Double::doubleValue).max().orElse(1) * 1.1;
    maxY = maxY == 0 ? 1 : maxY;
    StringBuilder svg = frame(title, "", yLabel, 0, maxY);
    int plot = WIDTH - LEFT - RIGHT;
    double slot = (double) plot / Math.max(1, labels.size());
    for (int i = 0; i < labels.size(); i++) {
      double x0 = LEFT + i * slot + slot * 0.15;
      double top = y(values.get(i), maxY);
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
              x0,
              top,
              slot * 0.7,
              HEIGHT - BOTTOM - top,
              COLOURS[i % COLOURS.length]));
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%s</text>",
              x0 + slot * 0.35,
              HEIGHT - BOTTOM + 14,
              escape(labels.get(i))));
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"middle\">%s</text>",
              x0 + slot * 0.35,
              top - 3,
              Results.cell(values.get(i))));
    }
    return svg.append("</svg>").toString();
  }

  public static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static StringBuilder frame(
      String title, String xLabel, String yLabel, double maxX, double maxY) {
    StringBuilder svg =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\">",
                WIDTH,
                HEIGHT));
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"18\" font-size=\"14\" font-weight=\"bold\">%s</text>",
            LEFT,
            escape(title)));
    svg.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>"
                + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>",
            LEFT,
            TOP,
            LEFT,
            HEIGHT - BOTTOM,
            LEFT,
            HEIGHT - BOTTOM,
            WIDTH - RIGHT,
            HEIGHT - BOTTOM));
    for (int i = 0; i <= 4; i++) {
      double value = maxY * i / 4;
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%s</text>",
              LEFT - 4,
              y(value, maxY) + 3,
              tick(value)));
      if (maxX > 0) {
        double xv = maxX * i / 4;
        svg.append(
            String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%s</text>",
                x(xv, maxX),
                HEIGHT - BOTTOM + 14,
                tick(xv)));
      }
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>"
                + "<text x=\"14\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\""
                + " transform=\"rotate(-90 14 %d)\">%s</text>",
            (LEFT + WIDTH - RIGHT) / 2,
            HEIGHT - 8,
            escape(xLabel),
            (TOP + HEIGHT - BOTTOM) / 2,
            (TOP + HEIGHT - BOTTOM) / 2,
            escape(yLabel)));
    return svg;
  }

  private static void legend(StringBuilder svg, int i, String name, String colour) {
    int y = TOP + 14 * i;
    svg.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                + "<text x=\"%d\" y=\"%d\" font-size=\"10\">%s</text>",
            WIDTH - RIGHT + 10,
            y,
            colour,
            WIDTH - RIGHT + 24,
            y + 9,
            escape(name)));
  }

  private static double x(double value, double maxX) {
    return LEFT + value / maxX * (WIDTH - LEFT - RIGHT);
  }

  private static double y(double value, double maxY) {
    return HEIGHT - BOTTOM - value / maxY * (HEIGHT - BOTTOM - TOP);
  }

  private static String tick(double v) {
    return String.format(Locale.ROOT, v >= 10 || v == Math.rint(v) ? "%.0f" : "%.2f", v);
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
