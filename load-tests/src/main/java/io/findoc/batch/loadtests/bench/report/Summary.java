package io.findoc.batch.loadtests.bench.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The end of a bench run: every {@code RESULT} line, the failed scenarios, and the goals of the
 * issue judged by {@link Goals}; printed and written to {@code summary.txt}, then one {@code RESULT
 * summary} line with the counts.
 */
public final class Summary {

  private Summary() {}

  /**
   * Prints and writes the summary of {@code results}.
   *
   * @param smoke a smoke run, whose figures mean nothing (said above the goals)
   */
  public static void write(Results results, List<String> failedScenarios, boolean smoke) {
    List<String> lines = results.resultLines();
    List<Goals.Verdict> verdicts =
        Goals.evaluate(lines.stream().map(Goals.ResultLine::parse).toList());
    String text = render(lines, failedScenarios, verdicts, smoke);
    System.out.print(text);
    results.text("summary.txt", text);
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("goals_pass", count(verdicts, Goals.Status.PASS));
    figures.put("goals_short", count(verdicts, Goals.Status.SHORT));
    figures.put("goals_not_measured", count(verdicts, Goals.Status.NOT_MEASURED));
    figures.put("failed_scenarios", failedScenarios.size());
    results.result("summary", figures);
  }

  static String render(
      List<String> resultLines,
      List<String> failedScenarios,
      List<Goals.Verdict> verdicts,
      boolean smoke) {
    StringBuilder text = new StringBuilder("== summary\n");
    resultLines.forEach(line -> text.append("  ").append(line).append('\n'));
    text.append(
        failedScenarios.isEmpty()
            ? "  every scenario ran to its end\n"
            : "  FAILED scenarios (see their stack traces above): " + failedScenarios + "\n");
    text.append(
        smoke
            ? "\n  goals (issue 8, and the team's throughput goal; a smoke run: no figure means anything,"
                + " the verdicts neither):\n"
            : "\n  goals (issue 8, and the team's throughput goal):\n");
    for (Goals.Verdict v : verdicts) {
      text.append(
          String.format(
              Locale.ROOT,
              "  | %-12s | %-72s | %-34s | %s%n",
              v.status().name().replace('_', ' '),
              v.goal(),
              v.measured(),
              v.margin()));
    }
    return text.toString();
  }

  private static long count(List<Goals.Verdict> verdicts, Goals.Status status) {
    return verdicts.stream().filter(v -> v.status() == status).count();
  }
}
