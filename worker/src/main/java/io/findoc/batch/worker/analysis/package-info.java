/**
 * The analyser module ({@code io.findoc.batch.analyzer}) wired into the worker: one {@link
 * io.findoc.batch.analyzer.DocumentAnalyser} built from {@code findoc.worker.analysis.*}. The
 * processor that runs it is {@code processors.AnalyzeProcessor}.
 */
package io.findoc.batch.worker.analysis;
