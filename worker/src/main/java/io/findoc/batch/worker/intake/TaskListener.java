package io.findoc.batch.worker.intake;

import io.findoc.batch.common.json.JsonSerde;
import io.findoc.batch.common.json.UnreadableMessageException;
import io.findoc.batch.common.message.TaskMessage;
import io.findoc.batch.common.topic.DeadLetterPublisher;
import io.findoc.batch.worker.execution.TaskRunner;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.AcknowledgingMessageListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Takes task messages off the three priority topics (in the {@code task-intake} container, see
 * {@link io.findoc.batch.worker.config.WorkerConfiguration}) and hands them to the {@link
 * TaskRunner}. A message is acknowledged (its offset may be committed) only once its final report
 * is on the broker; acknowledgements arrive out of order and the container commits each partition
 * up to its first gap.
 */
@Component
public class TaskListener implements AcknowledgingMessageListener<String, byte[]> {

  private static final Logger LOG = LoggerFactory.getLogger(TaskListener.class);

  private final TaskRunner runner;
  private final IntakeThrottle throttle;
  private final DeadLetterPublisher deadLetters;
  private final JsonSerde<TaskMessage> serde = new JsonSerde<>(TaskMessage.class);

  public TaskListener(TaskRunner runner, IntakeThrottle throttle, DeadLetterPublisher deadLetters) {
    this.runner = runner;
    this.throttle = throttle;
    this.deadLetters = deadLetters;
  }

  @Override
  public void onMessage(ConsumerRecord<String, byte[]> record, Acknowledgment ack) {
    TaskMessage task;
    try {
      task = serde.deserialize(record.topic(), record.value());
    } catch (UnreadableMessageException e) {
      LOG.warn("Unreadable task message; moved to the dead-letter topic.", e);
      deadLetters.publish(record, e);
      ack.acknowledge();
      return;
    }
    throttle.taken();
    runner.submit(
        task,
        () -> {
          ack.acknowledge();
          throttle.done();
        });
  }
}
