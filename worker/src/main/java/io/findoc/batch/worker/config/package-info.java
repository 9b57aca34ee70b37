/**
 * The worker's configuration: one properties record, and the beans that belong to no one part
 * (clock, dead-letter publisher, agent failures). Each part wires itself ({@code
 * intake.IntakeConfiguration}, {@code analysis.AnalysisConfiguration}); nothing here depends on the
 * other packages.
 */
package io.findoc.batch.worker.config;
