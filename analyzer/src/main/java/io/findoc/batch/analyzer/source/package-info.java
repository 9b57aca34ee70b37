/**
 * Reading a task's document into bounded memory: inline content, {@code file://} under the
 * configured roots, and {@code http(s)://} behind an SSRF guard. Every refusal is an {@link
 * io.findoc.batch.analyzer.AnalysisError} with its own code.
 */
package io.findoc.batch.analyzer.source;
