package io.findoc.batch.common.topic;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Moves a message that cannot be read, or is refused, to the dead-letter topic (see {@link
 * DeadLetters}) and waits until the broker has it, so the partition it came from can move on
 * without losing it.
 */
public final class DeadLetterPublisher {

  private final Function<ProducerRecord<String, byte[]>, ? extends Future<?>> sender;
  private final String topic;

  /**
   * @param sender sends a record, such as {@code kafkaTemplate::send}
   * @param topic the dead-letter topic
   */
  public DeadLetterPublisher(
      Function<ProducerRecord<String, byte[]>, ? extends Future<?>> sender, String topic) {
    this.sender = sender;
    this.topic = topic;
  }

  /**
   * Publishes {@code unreadable} with the reason and waits for the acknowledgement.
   *
   * @throws IllegalStateException if the broker did not take it within 30 seconds
   */
  public void publish(ConsumerRecord<String, byte[]> unreadable, Exception reason) {
    publish(unreadable, reason.getMessage());
  }

  /**
   * Publishes {@code rejected} with {@code why} and waits for the acknowledgement.
   *
   * @throws IllegalStateException if the broker did not take it within 30 seconds
   */
  public void publish(ConsumerRecord<String, byte[]> rejected, String why) {
    try {
      sender.apply(DeadLetters.of(topic, rejected, why)).get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "could not dead-letter the message at " + DeadLetters.origin(rejected), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "interrupted while dead-lettering " + DeadLetters.origin(rejected), e);
    }
  }
}
