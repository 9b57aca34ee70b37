/** The peers FinDoc is measured against in the same run: JobRunr and db-scheduler. */
package io.findoc.batch.loadtests.bench.peers;
