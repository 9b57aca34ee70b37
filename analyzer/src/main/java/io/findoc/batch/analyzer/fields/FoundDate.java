package io.findoc.batch.analyzer.fields;

import java.time.LocalDate;

/**
 * A date as found in a line.
 *
 * @param start where it starts in the line
 * @param end where it ends in the line
 */
public record FoundDate(LocalDate date, int start, int end) {}
