/**
 * The worker: takes task messages off the priority topics and follows the job controls ({@code
 * intake}), runs their processor on a bounded pool shared out by priority weight ({@code
 * execution}, {@code processors}) and reports each attempt on the status topic ({@code reporting}).
 * The financial document analyser of {@code findoc.analyze} lives in {@code analysis}. It never
 * connects to PostgreSQL.
 */
package io.findoc.batch.worker;
