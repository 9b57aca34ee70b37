package io.findoc.batch.coordinator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One page of a list. {@code next} is the cursor of the following page, absent on the last one;
 * {@code total} counts all matching items where it is known without counting rows.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Page<T>(List<T> items, String next, Integer total) {}
