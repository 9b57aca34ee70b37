/**
 * The {@code findoc} command-line client: the top command, its exit codes, and the commands that
 * map one to one onto the API (submit, jobs, tasks, failures, retry, results, events, webhooks,
 * keys).
 */
package io.findoc.batch.cli;
