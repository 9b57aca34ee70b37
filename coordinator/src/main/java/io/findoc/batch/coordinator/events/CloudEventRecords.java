package io.findoc.batch.coordinator.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.findoc.batch.coordinator.store.EventRow;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Turns an outbox event into a Kafka record in CloudEvents 1.0 binary mode: the attributes in
 * {@code ce_*} headers, the event's {@code data} (JSON) as the value, keyed by job id so that a
 * job's events stay in order on one partition.
 */
final class CloudEventRecords {

  /** The extension attribute naming the tenant (CloudEvents extension names are a-z0-9). */
  static final String TENANT_EXTENSION = "tenantid";

  private final String topic;
  private final URI source;

  CloudEventRecords(String topic, String source) {
    this.topic = topic;
    this.source = URI.create(source);
  }

  ProducerRecord<String, byte[]> of(EventRow event) {
    CloudEvent cloudEvent =
        CloudEventBuilder.v1()
            .withId(event.id().toString())
            .withSource(source)
            .withType(event.type())
            .withSubject(event.jobId().toString())
            .withTime(event.occurredAt().atOffset(ZoneOffset.UTC))
            .withDataContentType("application/json")
            .withExtension(TENANT_EXTENSION, event.tenantId())
            .withData(event.data().getBytes(StandardCharsets.UTF_8))
            .build();
    return KafkaMessageFactory.createWriter(topic, event.jobId().toString())
        .writeBinary(cloudEvent);
  }
}
