/** Reporting attempts on the status topic, and dead-lettering messages that cannot be read. */
package io.findoc.batch.worker.reporting;
