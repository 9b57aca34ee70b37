/** The worker's configuration: one properties record and the beans built from it. */
package io.findoc.batch.worker.config;
