package io.findoc.batch.loadtests.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The files of one bench run, in one folder: a CSV and an HTML chart per scenario, {@code
 * machine.txt} (cores, memory, versions, load), {@code results.txt} (every {@code RESULT} line) and
 * {@code table.txt} (one row per measurement, as printed).
 */
public final class Results {

  private final Path folder;
  private final List<String> resultLines = new java.util.ArrayList<>();

  public Results(Path folder) {
    this.folder = folder;
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("could not create " + folder, e);
    }
  }

  public Path folder() {
    return folder;
  }

  /** Writes {@code <name>.csv}: a header and rows, values as they print. */
  public Path csv(String name, List<String> header, List<List<?>> rows) {
    StringBuilder text = new StringBuilder(String.join(",", header)).append('\n');
    for (List<?> row : rows) {
      text.append(row.stream().map(Results::cell).collect(Collectors.joining(","))).append('\n');
    }
    return write(name + ".csv", text.toString(), false);
  }

  /** Writes {@code <name>.html}, a page of charts that needs nothing from the network. */
  public Path html(String name, String title, List<String> svgCharts) {
    StringBuilder page =
        new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
            .append(Svg.escape(title))
            .append("</title><style>body{font-family:sans-serif;margin:24px}svg{display:block;")
            .append("margin-bottom:24px}</style></head><body><h1>")
            .append(Svg.escape(title))
            .append("</h1><p>")
            .append(Svg.escape(Machine.oneLine()))
            .append("</p>");
    svgCharts.forEach(page::append);
    return write(name + ".html", page.append("</body></html>\n").toString(), false);
  }

  /** Writes {@code name} as it is, such as a profile's hot methods. */
  public Path text(String name, String text) {
    return write(name, text, false);
  }

  /** Prints a row of the summary table and keeps it in {@code table.txt}. */
  public void row(String scenario, String what, String figures) {
    String line = String.format(Locale.ROOT, "| %-10s | %-38s | %s", scenario, what, figures);
    System.out.println(line);
    write("table.txt", line + "\n", true);
  }

  /**
   * Prints {@code RESULT <scenario> k=v ...} (the last line of a scenario) and keeps it in {@code
   * results.txt}.
   */
  public void result(String scenario, Map<String, ?> figures) {
    String line =
        "RESULT "
            + scenario
            + figures.entrySet().stream()
                .map(e -> " " + e.getKey() + "=" + cell(e.getValue()))
                .collect(Collectors.joining());
    System.out.println(line);
    synchronized (resultLines) {
      resultLines.add(line);
    }
    write("results.txt", line + "\n", true);
  }

  /** The {@code RESULT} lines of this run so far, in order. */
  public List<String> resultLines() {
    synchronized (resultLines) {
      return List.copyOf(resultLines);
    }
  }

  /** Writes {@code machine.txt} once per run: what ran this, and what else was running. */
  public void machine(Map<String, String> extra) {
    Map<String, String> facts = new LinkedHashMap<>(Machine.facts());
    facts.putAll(extra);
    StringBuilder text = new StringBuilder();
    facts.forEach((k, v) -> text.append(k).append(": ").append(v).append('\n'));
    write("machine.txt", text.toString(), false);
  }

  /** Adds a line to {@code machine.txt}, for the load seen at the start of each scenario. */
  public void note(String line) {
    write("machine.txt", line + "\n", true);
  }

  static String cell(Object value) {
    if (value instanceof Double d) {
      return Math.abs(d) >= 100 || d == Math.rint(d)
          ? String.format(Locale.ROOT, "%.0f", d)
          : String.format(Locale.ROOT, "%.3f", d);
    }
    if (value instanceof Float f) {
      return cell(f.doubleValue());
    }
    return String.valueOf(value);
  }

  private Path write(String name, String text, boolean append) {
    Path file = folder.resolve(name);
    try {
      if (append) {
        Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } else {
        Files.writeString(file, text);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file, e);
    }
  }
}
