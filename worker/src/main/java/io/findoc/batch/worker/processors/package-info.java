/**
 * The built-in test processors: {@code noop}, for throughput, and {@code simulate}, for load and
 * fault tests. The document analyser lives in {@code analysis}.
 */
package io.findoc.batch.worker.processors;
