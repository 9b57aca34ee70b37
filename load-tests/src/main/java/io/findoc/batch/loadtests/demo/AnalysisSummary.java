package io.findoc.batch.loadtests.demo;

import io.findoc.batch.common.json.Json;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * What the analyser found in a job, from its NDJSON results export: documents per type, totals per
 * currency, valid identifiers, consistency findings and failures per code.
 */
final class AnalysisSummary {

  private final Map<String, Integer> types = new TreeMap<>();
  private final Map<String, BigDecimal> totals = new TreeMap<>();
  private final Map<String, Integer> identifiers = new TreeMap<>();
  private final Map<String, Integer> findings = new TreeMap<>();
  private final Map<String, Integer> failures = new TreeMap<>();

  static AnalysisSummary of(String ndjson) {
    AnalysisSummary summary = new AnalysisSummary();
    ndjson
        .lines()
        .filter(line -> !line.isBlank())
        .map(Json.mapper()::readTree)
        .forEach(summary::add);
    return summary;
  }

  private void add(JsonNode task) {
    if (task.has("error")) {
      failures.merge(task.get("error").get("code").asString(), 1, Integer::sum);
      return;
    }
    JsonNode result = task.get("result");
    if (result == null || !result.has("type")) {
      return;
    }
    types.merge(result.get("type").asString(), 1, Integer::sum);
    JsonNode total = result.path("fields").path("total");
    if (total.has("amount") && total.has("currency")) {
      totals.merge(
          total.get("currency").asString(), total.get("amount").decimalValue(), BigDecimal::add);
    }
    for (JsonNode identifier : result.path("identifiers")) {
      if (identifier.path("valid").asBoolean(false)) {
        identifiers.merge(identifier.get("type").asString(), 1, Integer::sum);
      }
    }
    for (JsonNode finding : result.path("findings")) {
      findings.merge(finding.get("code").asString(), 1, Integer::sum);
    }
  }

  void print(PrintStream out) {
    out.println("  found:");
    out.printf("    document types: %s%n", types.isEmpty() ? "none" : types);
    out.printf("    totals, by currency: %s%n", totals.isEmpty() ? "none" : totals);
    out.printf("    valid identifiers: %s%n", identifiers.isEmpty() ? "none" : identifiers);
    out.printf("    consistency findings: %s%n", findings.isEmpty() ? "none" : findings);
    if (!failures.isEmpty()) {
      out.printf("    failures: %s%n", failures);
    }
  }
}
