/**
 * Tools that drive a running stack over its API: the demo, the end-to-end checks and (later) the
 * benchmark harness.
 */
package io.findoc.batch.loadtests;
