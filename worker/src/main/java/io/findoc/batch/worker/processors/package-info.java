/**
 * The built-in processors: {@code findoc.analyze}, the financial document analyser (its workings
 * live in {@code analysis}); {@code noop}, for throughput; and {@code simulate}, for load and fault
 * tests.
 */
package io.findoc.batch.worker.processors;
