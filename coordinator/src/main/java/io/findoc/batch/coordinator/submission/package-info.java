/**
 * Taking a job in: the submission body, its validation (every violation named by its field), and
 * the one transaction that stores the job with all its tasks.
 */
package io.findoc.batch.coordinator.submission;
