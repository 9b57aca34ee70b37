/**
 * The analysis result as the task reports it: a versioned JSON map ({@link ResultDocument}, schema
 * in {@code docs/result-schema.md}) kept under a byte cap ({@link ResultSizeCap}).
 */
package io.findoc.batch.analyzer.result;
