package io.findoc.batch.loadtests.evaluate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/**
 * One document of an evaluation corpus and its truth, as listed in {@code ground-truth.json}. Reads
 * the worker's generated corpora too (their extra properties ignored, all consistent).
 *
 * @param template the type and layout family that wrote it
 * @param consistent whether its figures add up; null (older corpora) counts as true
 * @param fields the expected value of each field it states
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HeldOutEntry(
    String id,
    String file,
    String template,
    String type,
    Boolean consistent,
    Map<String, String> fields) {

  boolean addsUp() {
    return consistent == null || consistent;
  }
}
