/**
 * Submitting documents: finding them (a folder, files, a manifest), splitting them into chunks of
 * one job each with an idempotency key from their content, and sending each chunk once even when
 * the submission is interrupted and run again.
 */
package io.findoc.batch.cli.submit;
