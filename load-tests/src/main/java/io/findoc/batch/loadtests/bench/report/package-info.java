/** The files of a bench run: CSV, self-contained HTML charts, the machine, the RESULT lines. */
package io.findoc.batch.loadtests.bench.report;
