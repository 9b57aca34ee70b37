package io.findoc.batch.common.json;

import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;

/**
 * Kafka serialiser and deserialiser for one message record, with the shared {@link Json} setup.
 * Reading bad bytes throws {@link UnreadableMessageException}; listeners catch it per record and
 * dead-letter the bytes, so one poison message never stops a partition.
 */
public final class JsonSerde<T> implements Serializer<T>, Deserializer<T> {

  private final Class<T> type;
  private final ObjectReader reader;
  private final ObjectWriter writer;

  public JsonSerde(Class<T> type) {
    this(type, false);
  }

  private JsonSerde(Class<T> type, boolean keepSource) {
    this.type = type;
    ObjectReader plain = Json.mapper().readerFor(type);
    this.reader = keepSource ? plain.with(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION) : plain;
    this.writer = Json.mapper().writerFor(type);
  }

  /**
   * A serde whose parsers can reach the record's bytes, so that its {@link RawJson} values are
   * taken as slices of them rather than copied token by token. Errors then quote the start of the
   * record, so use it only for messages whose content may appear in a dead letter's reason.
   */
  public static <T> JsonSerde<T> slicingRawJson(Class<T> type) {
    return new JsonSerde<>(type, true);
  }

  @Override
  public byte[] serialize(String topic, T value) {
    return value == null ? null : writer.writeValueAsBytes(value);
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    try {
      return reader.readValue(data);
    } catch (JacksonException | IllegalArgumentException e) {
      throw new UnreadableMessageException(topic, type, e);
    }
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {}

  @Override
  public void close() {}
}
