package io.findoc.batch.coordinator.webhooks;

import java.util.List;

/**
 * A webhook of one job, in the submission's {@code webhooks}: an endpoint that gets this job's
 * events only, with a secret of its own returned in the answer.
 *
 * @param url where the events are POSTed; http or https, a public address
 * @param events the event types it wants ({@code batch.job.*}, {@code batch.task.*}); all the job
 *     types if absent
 */
public record JobWebhook(String url, List<String> events) {}
