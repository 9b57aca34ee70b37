package io.findoc.batch.worker.intake;

import io.findoc.batch.common.id.JobId;
import io.findoc.batch.common.json.JsonSerde;
import io.findoc.batch.common.json.UnreadableMessageException;
import io.findoc.batch.common.message.ControlAction;
import io.findoc.batch.common.message.ControlMessage;
import io.findoc.batch.common.message.WorkerControlMessage;
import io.findoc.batch.worker.config.WorkerProperties;
import io.findoc.batch.worker.execution.JobInstructions;
import io.findoc.batch.worker.execution.TaskRunner;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads the compacted control topic ({@code findoc.topics.control}) into the {@link
 * JobInstructions}, from its beginning and then as it grows, so every worker knows every job's
 * pause or cancel instruction: the latest record of a job puts its action in force, a tombstone
 * lifts it. A {@code CANCEL} also cancels the job's running attempts ({@link
 * TaskRunner#cancelRunning}). Records keyed {@code worker:<id>} ({@link WorkerControlMessage}) are
 * instructions to one worker: this worker's drains or undrains it ({@link WorkerDrain}). Records
 * that cannot be read are logged, counted and skipped.
 *
 * <p>A plain consumer on a thread of its own, outside any consumer group: it assigns itself every
 * partition and commits nothing, since compaction keeps what a restart needs to read again. It
 * starts before the runner and the intake containers, and {@link #start()} returns only once it has
 * read up to the end offsets it found (for up to {@code findoc.worker.control-catch-up}), so a
 * restarted worker starts no task of a paused job. A control topic that does not exist yet holds no
 * instruction: the worker starts at once, and keeps looking for the topic.
 */
@Component
public class JobControls implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(JobControls.class);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration RETRY_PAUSE = Duration.ofSeconds(2);

  private final Map<String, Object> consumerConfig;
  private final String topic;
  private final Duration catchUpLimit;
  private final JobInstructions instructions;
  private final TaskRunner runner;
  private final WorkerDrain drain;
  private final String workerKey;
  private final Counter unreadable;
  private final JsonSerde<ControlMessage> serde = new JsonSerde<>(ControlMessage.class);
  private final JsonSerde<WorkerControlMessage> workerSerde =
      new JsonSerde<>(WorkerControlMessage.class);
  private volatile CountDownLatch caughtUp = new CountDownLatch(1);
  private volatile CountDownLatch stopping = new CountDownLatch(1);
  private volatile KafkaConsumer<String, byte[]> consumer;
  private volatile Thread reader;

  /**
   * @param consumerFactory Spring Boot's consumer factory, for the connection settings ({@code
   *     spring.kafka.*}); its group is not used
   */
  public JobControls(
      ConsumerFactory<?, ?> consumerFactory,
      WorkerProperties properties,
      JobInstructions instructions,
      TaskRunner runner,
      WorkerDrain drain,
      MeterRegistry meters) {
    this.consumerConfig = consumerConfig(consumerFactory, properties.worker().id());
    this.topic = properties.topics().control();
    this.catchUpLimit = properties.worker().intake().controlCatchUp();
    this.instructions = instructions;
    this.runner = runner;
    this.drain = drain;
    this.workerKey = WorkerControlMessage.key(properties.worker().id());
    this.unreadable =
        Counter.builder("findoc.worker.control.unreadable")
            .description("control records skipped because they could not be read")
            .register(meters);
  }

  private static Map<String, Object> consumerConfig(
      ConsumerFactory<?, ?> consumerFactory, String workerId) {
    Map<String, Object> config = new HashMap<>(consumerFactory.getConfigurationProperties());
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    config.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
    config.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, workerId + "-controls");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // Compaction may remove records a slow reader has not read yet: it then starts over.
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // The coordinator creates the topic compacted; one auto-created here would not be.
    config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    return config;
  }

  @Override
  public void start() {
    caughtUp = new CountDownLatch(1);
    stopping = new CountDownLatch(1);
    KafkaConsumer<String, byte[]> created =
        new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
    consumer = created;
    Thread thread = new Thread(() -> read(created), "job-controls");
    thread.setDaemon(true);
    thread.start();
    reader = thread;
    try {
      if (!caughtUp.await(catchUpLimit.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn(
            "The control topic {} was not read to its end within {}; taking tasks anyway, so a"
                + " task of a paused or cancelled job may start until it has been.",
            topic,
            catchUpLimit);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether the control topic has been read up to the end it had at start (or does not exist). */
  boolean isCaughtUp() {
    return caughtUp.getCount() == 0;
  }

  private void read(KafkaConsumer<String, byte[]> consumer) {
    try (consumer) {
      Map<TopicPartition, Long> ends = null;
      while (stopping.getCount() > 0) {
        try {
          if (ends == null) {
            ends = assignAll(consumer);
            if (ends == null) {
              caughtUp.countDown();
              stopping.await(RETRY_PAUSE.toMillis(), TimeUnit.MILLISECONDS);
              continue;
            }
          }
          for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
            apply(record);
          }
          if (!isCaughtUp() && reached(consumer, ends)) {
            LOG.info("Read the control topic {} up to its end; taking tasks.", topic);
            caughtUp.countDown();
          }
        } catch (WakeupException e) {
          // stop() woke the consumer; the loop ends.
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        } catch (RuntimeException e) {
          LOG.warn(
              "Could not read the control topic {}; trying again in {}.", topic, RETRY_PAUSE, e);
          try {
            stopping.await(RETRY_PAUSE.toMillis(), TimeUnit.MILLISECONDS);
          } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
    }
  }

  /**
   * Assigns every partition of the topic from its beginning.
   *
   * @return the end offsets to catch up to, or null if the topic does not exist (yet)
   */
  private Map<TopicPartition, Long> assignAll(KafkaConsumer<String, byte[]> consumer) {
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic, RETRY_PAUSE).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    if (partitions.isEmpty()) {
      if (!isCaughtUp()) {
        LOG.info(
            "The control topic {} does not exist yet; the worker takes tasks without job controls"
                + " and looks for it every {}.",
            topic,
            RETRY_PAUSE);
      }
      return null;
    }
    LOG.info(
        "Reading the control topic {} ({} partitions) from its beginning.",
        topic,
        partitions.size());
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return consumer.endOffsets(partitions);
  }

  private static boolean reached(
      KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
    return ends.entrySet().stream()
        .allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
  }

  private void apply(ConsumerRecord<String, byte[]> record) {
    if (WorkerControlMessage.isWorkerKey(record.key())) {
      if (record.key().equals(workerKey)) {
        applyToThisWorker(record);
      }
      return;
    }
    JobId job;
    ControlMessage message;
    try {
      job = JobId.parse(record.key());
      message = record.value() == null ? null : serde.deserialize(topic, record.value());
      if (message != null && message.action() == null) {
        throw new IllegalArgumentException("the control message has no action");
      }
    } catch (IllegalArgumentException | UnreadableMessageException e) {
      unreadable(record, e);
      return;
    }
    if (message == null) {
      instructions.lift(job);
      LOG.debug("Lifted the instruction for job {}.", job);
      return;
    }
    instructions.set(job, message.action());
    LOG.debug("Job {}: {} in force.", job, message.action());
    if (message.action() == ControlAction.CANCEL) {
      runner.cancelRunning(job);
    }
  }

  private void applyToThisWorker(ConsumerRecord<String, byte[]> record) {
    if (record.value() == null) {
      drain.undrain();
      return;
    }
    WorkerControlMessage message;
    try {
      message = workerSerde.deserialize(topic, record.value());
    } catch (UnreadableMessageException e) {
      unreadable(record, e);
      return;
    }
    if (message.drain()) {
      drain.drain();
    } else {
      drain.undrain();
    }
  }

  private void unreadable(ConsumerRecord<String, byte[]> record, Exception e) {
    unreadable.increment();
    LOG.warn(
        "Skipped the unreadable control record at {}-{}@{}; the instruction it held is not"
            + " applied.",
        record.topic(),
        record.partition(),
        record.offset(),
        e);
  }

  @Override
  public void stop() {
    stopping.countDown();
    KafkaConsumer<String, byte[]> current = consumer;
    if (current != null) {
      current.wakeup();
    }
    Thread thread = reader;
    if (thread != null) {
      try {
        thread.join(TimeUnit.SECONDS.toMillis(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    reader = null;
    consumer = null;
  }

  @Override
  public boolean isRunning() {
    return reader != null;
  }

  /**
   * Starts before the runner (phase {@code Integer.MAX_VALUE - 200}) and the intake containers
   * ({@code Integer.MAX_VALUE - 100}), and stops after them: no attempt starts or runs without the
   * controls.
   */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 300;
  }
}
