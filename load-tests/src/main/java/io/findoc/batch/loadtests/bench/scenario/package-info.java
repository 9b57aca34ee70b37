/** The benchmark scenarios: throughput, latency, speed-up, scheduling. */
package io.findoc.batch.loadtests.bench.scenario;
