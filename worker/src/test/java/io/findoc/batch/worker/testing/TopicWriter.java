package io.findoc.batch.worker.testing;

import io.findoc.batch.common.json.JsonSerde;
import io.findoc.batch.common.message.TaskMessage;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes to the workers' topics as the coordinator would, for tests that play it: each record is
 * acknowledged by the broker before the call returns.
 */
public final class TopicWriter implements AutoCloseable {

  private final KafkaProducer<String, byte[]> producer = TestKafka.producer();
  private final JsonSerde<TaskMessage> tasks = new JsonSerde<>(TaskMessage.class);

  /** Sends the task to {@code <prefix>tasks.<priority>}, keyed by its task id. */
  public void send(String prefix, TaskMessage task) {
    String topic = prefix + "tasks." + task.priority().wireName();
    publish(new ProducerRecord<>(topic, task.taskId().toString(), tasks.serialize(topic, task)));
  }

  public void publish(ProducerRecord<String, byte[]> record) {
    try {
      producer.send(record).get();
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
