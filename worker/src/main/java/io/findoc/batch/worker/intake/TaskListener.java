package io.findoc.batch.worker.intake;

import io.findoc.batch.common.json.JsonSerde;
import io.findoc.batch.common.json.UnreadableMessageException;
import io.findoc.batch.common.message.Priority;
import io.findoc.batch.common.message.TaskMessage;
import io.findoc.batch.common.topic.DeadLetterPublisher;
import io.findoc.batch.worker.execution.TaskRunner;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.AcknowledgingMessageListener;
import org.springframework.kafka.support.Acknowledgment;

/**
 * Takes task messages off the topic of one priority (in its {@code task-intake-<priority>}
 * container, see {@link io.findoc.batch.worker.config.WorkerConfiguration}) and hands them to the
 * {@link TaskRunner}, counting them in that priority's budget of the {@link IntakeThrottle}. A
 * message is acknowledged (its offset may be committed) only once its final report is on the
 * broker; acknowledgements arrive out of order and the container commits each partition up to its
 * first gap.
 */
public class TaskListener implements AcknowledgingMessageListener<String, byte[]> {

  private static final Logger LOG = LoggerFactory.getLogger(TaskListener.class);

  private final Priority priority;
  private final TaskRunner runner;
  private final IntakeThrottle throttle;
  private final DeadLetterPublisher deadLetters;
  private final JsonSerde<TaskMessage> serde = new JsonSerde<>(TaskMessage.class);

  /**
   * @param priority the priority of the topic listened to, which decides the task's queue and
   *     budget
   */
  public TaskListener(
      Priority priority,
      TaskRunner runner,
      IntakeThrottle throttle,
      DeadLetterPublisher deadLetters) {
    this.priority = priority;
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
    throttle.taken(priority);
    int threads = runner.threadsFor(task);
    runner.submit(
        task,
        priority,
        processingNanos -> {
          try {
            ack.acknowledge();
          } catch (RuntimeException e) {
            // The partition went to another consumer meanwhile (a rebalance): the offset cannot be
            // committed here, and the new owner runs the task again; the report is a duplicate.
            LOG.info(
                "Could not acknowledge task {} ({}); its partition has moved on.",
                task.taskId(),
                e.toString());
          } finally {
            // Whatever became of the acknowledgement, the task no longer holds a place in flight:
            // a place lost here for good once stalled the whole priority.
            throttle.done(priority, processingNanos, threads);
          }
        });
  }
}
