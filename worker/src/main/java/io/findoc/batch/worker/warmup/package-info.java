/**
 * Warming the analyser before the worker takes work ({@link AnalyserWarmUp}): a fresh JVM runs it
 * at half speed or less until its JIT compiler has caught up, so a scaled-out worker would
 * otherwise slow the job it was started to speed up.
 */
package io.findoc.batch.worker.warmup;
