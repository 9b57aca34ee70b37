package io.findoc.batch.coordinator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One page of a list. {@code next} is the cursor of the following page, absent on the last one;
 * {@code total} counts all matching items where it is known without counting rows.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Page<T>(List<T> items, String next, Integer total) {

  /** How many items a page holds when the request does not say. */
  static final int DEFAULT_LIMIT = 100;

  /** The most items a page may hold. */
  static final int MAX_LIMIT = 1000;

  /**
   * The size of the page a request's {@code limit} parameter asks for (null: the default).
   *
   * @throws InvalidParameterException if it is not between 1 and {@link #MAX_LIMIT}
   */
  static int limit(Integer limit) {
    if (limit == null) {
      return DEFAULT_LIMIT;
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidParameterException("limit", "must be between 1 and " + MAX_LIMIT);
    }
    return limit;
  }
}
