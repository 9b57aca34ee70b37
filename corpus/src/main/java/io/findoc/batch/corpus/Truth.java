package io.findoc.batch.corpus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds a ground truth: the keys that apply to a type, each set or left null (not stated). */
final class Truth {

  private final Map<String, String> values = new LinkedHashMap<>();

  Truth(String... keys) {
    for (String key : keys) {
      values.put(key, null);
    }
  }

  Truth put(String key, Object value) {
    if (!values.containsKey(key)) {
      throw new IllegalArgumentException("not a key of this type: " + key);
    }
    values.put(key, normalise(value));
    return this;
  }

  Map<String, String> values() {
    return values;
  }

  static String normalise(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof BigDecimal d) {
      return d.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
    if (value instanceof LocalDate d) {
      return d.toString();
    }
    return value.toString();
  }
}
