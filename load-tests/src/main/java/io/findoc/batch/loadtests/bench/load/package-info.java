/**
 * Open-model load: submissions sent at scheduled times whatever the answers, latency measured from
 * the time a submission was due (no coordinated omission).
 */
package io.findoc.batch.loadtests.bench.load;
