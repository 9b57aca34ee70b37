package io.findoc.batch.loadtests.evaluate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code ./findoc evaluate [--corpus DIR] [--per-cell N] [--seed S] [--out DIR] [--mistakes N]}:
 * scores the analyser on a corpus. Without {@code --corpus} it first writes the held-out corpus
 * ({@link HeldOutCorpus}: N documents per type and layout, 6 by default) into {@code --out} (a
 * temporary folder by default). Prints the report; exits 0 whatever the figures.
 */
public final class Evaluate {

  private Evaluate() {}

  public static void main(String[] args) throws IOException {
    Path corpus = null;
    Path out = null;
    int perCell = 6;
    long seed = 19;
    int mistakes = 40;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--corpus" -> corpus = Path.of(required(args[i], value));
        case "--out" -> out = Path.of(required(args[i], value));
        case "--per-cell" -> perCell = Integer.parseInt(required(args[i], value));
        case "--seed" -> seed = Long.parseLong(required(args[i], value));
        case "--mistakes" -> mistakes = Integer.parseInt(required(args[i], value));
        default -> usage("unknown option " + args[i]);
      }
      i++;
    }
    if (corpus == null) {
      corpus = out != null ? out : Files.createTempDirectory("findoc-held-out-");
      int written = HeldOutCorpus.write(corpus, perCell, seed).size();
      System.out.println("held-out corpus: " + written + " PDFs (seed " + seed + ") in " + corpus);
    }
    HeldOutEvaluation.evaluate(corpus).print(System.out, mistakes);
  }

  private static String required(String option, String value) {
    if (value == null) {
      usage(option + " needs a value");
    }
    return value;
  }

  private static void usage(String problem) {
    System.err.println(problem);
    System.err.println(
        "usage: evaluate [--corpus DIR] [--per-cell N] [--seed S] [--out DIR] [--mistakes N]");
    System.exit(2);
  }
}
