package io.findoc.batch.analyzer.result;

import io.findoc.batch.common.json.RawJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps a result under a byte cap, measured as the JSON the status report carries: while it is too
 * large, the longest of the lists ({@code amounts}, {@code identifiers}, {@code findings}, {@code
 * signals}, {@code items}, {@code entries}) is halved, its tail dropped; the result then says
 * {@code truncated: true} and {@code omitted} counts what each list lost. The fields, type and
 * checks always stay.
 */
public final class ResultSizeCap {

  private static final List<String> TRIMMABLE =
      List.of("amounts", "identifiers", "findings", "signals", "items", "entries");

  private final int maxBytes;

  public ResultSizeCap(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** {@code result}, trimmed in place if needed. */
  public Map<String, Object> fit(Map<String, Object> result) {
    encode(result);
    return result;
  }

  /** {@code result}, trimmed in place if needed, written as JSON: each size is measured once. */
  public RawJson encode(Map<String, Object> result) {
    Map<String, Integer> omitted = new LinkedHashMap<>();
    RawJson json = RawJson.of(result);
    while (utf8Length(json.text()) > maxBytes) {
      String longest = null;
      int length = 0;
      for (String key : TRIMMABLE) {
        if (result.get(key) instanceof List<?> list && list.size() > length) {
          longest = key;
          length = list.size();
        }
      }
      if (longest == null) {
        break; // nothing left to trim: the fixed part alone is over the cap
      }
      List<?> list = (List<?>) result.get(longest);
      int keep = length / 2;
      omitted.merge(longest, length - keep, Integer::sum);
      result.put(longest, List.copyOf(list.subList(0, keep)));
      result.put("truncated", true);
      result.put("omitted", omitted);
      json = RawJson.of(result);
    }
    return json;
  }

  private static int utf8Length(String text) {
    int bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
