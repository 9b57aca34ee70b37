/** Benchmarks against a running stack; each prints a machine-readable {@code RESULT} line. */
package io.findoc.batch.loadtests.bench;
