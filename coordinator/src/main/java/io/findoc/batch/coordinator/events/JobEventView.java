package io.findoc.batch.coordinator.events;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.findoc.batch.coordinator.store.RelayedEvent;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/**
 * A job event as the tenant's event stream sends it: its seq (the stream's event id, for {@code
 * Last-Event-ID}), the event's id (the CloudEvent's and the webhook's), type, job, time, and its
 * data as the webhooks and the Kafka topic carry it.
 */
public record JobEventView(
    long seq,
    UUID id,
    String type,
    UUID jobId,
    Instant occurredAt,
    @Schema(types = "object", description = "the job as the event saw it") @JsonRawValue
        String data) {

  static JobEventView of(RelayedEvent event) {
    return new JobEventView(
        event.seq(), event.id(), event.type(), event.jobId(), event.occurredAt(), event.data());
  }
}
