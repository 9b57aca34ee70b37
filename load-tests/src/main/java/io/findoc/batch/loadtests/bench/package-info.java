/**
 * The benchmark harness ({@link io.findoc.batch.loadtests.bench.Bench}): scenarios against a
 * running stack, each ending with a machine-readable {@code RESULT} line, with CSV and HTML charts
 * in one results folder; {@code AnalyzerSpeed} measures the analyser alone.
 */
package io.findoc.batch.loadtests.bench;
