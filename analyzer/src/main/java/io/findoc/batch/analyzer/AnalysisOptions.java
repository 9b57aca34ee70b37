package io.findoc.batch.analyzer;

import java.util.Map;

/**
 * The job options {@code findoc.analyze} reads.
 *
 * @param maskNumbers whether card numbers, account numbers and IBANs are masked in the result
 *     (option {@code maskNumbers}, default true)
 */
public record AnalysisOptions(boolean maskNumbers) {

  public static AnalysisOptions from(Map<String, Object> options) {
    Object mask = options.getOrDefault("maskNumbers", true);
    if (!(mask instanceof Boolean b)) {
      throw AnalysisError.INVALID_OPTIONS.exception(
          "findoc.analyze: maskNumbers must be true or false, is '" + mask + "'");
    }
    return new AnalysisOptions(b);
  }
}
