/** What the bench samples while a scenario runs: processes, the coordinator heap, PostgreSQL. */
package io.findoc.batch.loadtests.bench.sampling;
