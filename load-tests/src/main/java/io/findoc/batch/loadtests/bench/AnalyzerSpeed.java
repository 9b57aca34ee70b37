package io.findoc.batch.loadtests.bench;

import io.findoc.batch.loadtests.bench.report.Results;
import io.findoc.batch.loadtests.bench.scenario.AnalyzerCost;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code analyzer} scenario ({@link AnalyzerCost}) alone, without a stack: {@code AnalyzerSpeed
 * [--documents 2000] [--rounds 5]}. The last line is {@code RESULT analyzer ...}, as a bench run
 * prints it.
 */
public final class AnalyzerSpeed {

  private AnalyzerSpeed() {}

  public static void main(String[] args) throws Exception {
    int documents = 2000; // as in a bench run (--documents), so the figures compare
    int rounds = 5;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--documents" -> documents = Integer.parseInt(args[i + 1]);
        case "--rounds", "--repeats" -> rounds = Math.max(1, Integer.parseInt(args[i + 1]));
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path folder = Files.createTempDirectory("findoc-analyzer");
    AnalyzerCost.Figures figures =
        AnalyzerCost.measure(folder.resolve("corpus"), documents, rounds);
    System.out.println(figures.describe());
    new Results(folder.resolve("results")).result("analyzer", figures.asResult());
  }
}
