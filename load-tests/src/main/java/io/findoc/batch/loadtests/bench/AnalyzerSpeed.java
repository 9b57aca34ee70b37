package io.findoc.batch.loadtests.bench;

import io.findoc.batch.loadtests.bench.scenario.AnalyzerCost;
import java.nio.file.Files;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code analyzer} scenario ({@link AnalyzerCost}) alone, without a stack: {@code AnalyzerSpeed
 * [--documents 600] [--rounds 5]}. The last line is {@code RESULT analyzer ...}.
 */
public final class AnalyzerSpeed {

  private AnalyzerSpeed() {}

  public static void main(String[] args) throws Exception {
    int documents = 600;
    int rounds = 5;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--documents" -> documents = Integer.parseInt(args[i + 1]);
        case "--rounds", "--repeats" -> rounds = Math.max(1, Integer.parseInt(args[i + 1]));
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    AnalyzerCost.Figures figures =
        AnalyzerCost.measure(Files.createTempDirectory("findoc-analyzer"), documents, rounds);
    System.out.println(figures.describe());
    Map<String, Object> result = figures.asResult();
    System.out.println(
        "RESULT analyzer"
            + result.entrySet().stream()
                .map(e -> " " + e.getKey() + "=" + format(e.getValue()))
                .collect(Collectors.joining()));
  }

  private static String format(Object value) {
    return value instanceof Double d ? String.format(java.util.Locale.ROOT, "%.2f", d) : "" + value;
  }
}
