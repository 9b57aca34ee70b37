package io.findoc.batch.loadtests.bench.ceiling;

import java.io.StringReader;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.PGConnection;

/**
 * The leanest form of FinDoc's data flow, on the stack's broker and PostgreSQL server: the
 * denominator of FinDoc's throughput. It is the team's {@code shared/bench/LeanCeiling.java}, in
 * this harness so that both run in the same run: COPY the tasks into a table, publish one message
 * per task to a 12-partition topic, worker threads consume them and publish a status per task, one
 * aggregator applies the statuses in batched, guarded {@code UPDATE ... WHERE id = ANY(?)}
 * statements plus a job counter, committing its offsets after the database commit. No Spring, no
 * JSON library, no leases, no events, no claim: each task row is written twice.
 *
 * <p>It runs in its own database (made anew by the caller) and on topics of its own ({@code
 * lean-<millis>.tasks}, {@code .status}), deleted after the run.
 */
public final class LeanFlow {

  private static final int PARTITIONS = 12;
  private static final Duration POLL = Duration.ofMillis(100);

  /** How long a run may go without a status applied, or its topics unready, before it fails. */
  private static final Duration STALL = Duration.ofSeconds(60);

  private final String bootstrap;
  private final String jdbcUrl;
  private final String user;
  private final String password;

  /**
   * @param bootstrap the broker
   * @param jdbcUrl a database of the flow's own
   * @param user its user
   * @param password its password
   */
  public LeanFlow(String bootstrap, String jdbcUrl, String user, String password) {
    this.bootstrap = bootstrap;
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.password = password;
  }

  /**
   * One run.
   *
   * @param tasks how many tasks
   * @param copySeconds how long the COPY of the task rows took
   * @param seconds from the first task published to the last status applied
   */
  public record Timing(int tasks, double copySeconds, double seconds) {

    /** Tasks per second end to end, the COPY excluded (as the README of the original says). */
    public double perSecond() {
      return tasks / seconds;
    }

    /** Tasks per second with the COPY counted, as FinDoc's figure counts its submission. */
    public double perSecondWithCopy() {
      return tasks / (copySeconds + seconds);
    }
  }

  /** Runs {@code tasks} no-op tasks through {@code workers} consumer threads. */
  public Timing run(int tasks, int workers) throws Exception {
    String run = "lean-" + System.currentTimeMillis();
    String taskTopic = run + ".tasks";
    String statusTopic = run + ".status";
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(taskTopic, PARTITIONS, (short) 1),
                  new NewTopic(statusTopic, PARTITIONS, (short) 1)))
          .all()
          .get();
      try {
        awaitPartitions(admin, List.of(taskTopic, statusTopic));
        return run(tasks, workers, taskTopic, statusTopic, run);
      } finally {
        admin.deleteTopics(List.of(taskTopic, statusTopic)).all().get();
      }
    }
  }

  private Timing run(int tasks, int workers, String taskTopic, String statusTopic, String group)
      throws Exception {
    try (Connection db = DriverManager.getConnection(jdbcUrl, user, password)) {
      createTables(db, tasks);
      long t0 = System.nanoTime();
      copyTasks(db, tasks);
      double copySeconds = (System.nanoTime() - t0) / 1e9;

      AtomicLong applied = new AtomicLong();
      // Each part runs until the run is over: every status applied, or a part failed.
      AtomicBoolean over = new AtomicBoolean();
      ExecutorService threads = Executors.newFixedThreadPool(workers + 1);
      try {
        List<Future<?>> parts = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
          parts.add(
              threads.submit(
                  () -> {
                    echoStatuses(taskTopic, statusTopic, group + "-workers", over);
                    return null;
                  }));
        }
        parts.add(
            threads.submit(
                () -> {
                  applyStatuses(statusTopic, group + "-aggregator", applied, over);
                  return null;
                }));
        long t1 = System.nanoTime();
        publishTasks(taskTopic, tasks);
        long lastApplied = -1;
        long lastProgress = System.nanoTime();
        while (applied.get() < tasks) {
          for (Future<?> part : parts) {
            if (part.isDone()) {
              part.get(); // a part that ended early failed: say why
              throw new IllegalStateException("a part of the lean flow ended early");
            }
          }
          long now = applied.get();
          if (now != lastApplied) {
            lastApplied = now;
            lastProgress = System.nanoTime();
          } else if (System.nanoTime() - lastProgress > STALL.toNanos()) {
            throw new IllegalStateException(
                String.format(
                    "the lean flow stalled: %,d of %,d statuses applied, none for %d s",
                    now, tasks, STALL.toSeconds()));
          }
          Thread.sleep(20);
        }
        return new Timing(tasks, copySeconds, (System.nanoTime() - t1) / 1e9);
      } finally {
        over.set(true);
        threads.shutdown();
        threads.awaitTermination(30, TimeUnit.SECONDS);
      }
    }
  }

  private static void createTables(Connection db, int tasks) throws SQLException {
    try (Statement st = db.createStatement()) {
      st.execute("DROP TABLE IF EXISTS lean_task");
      st.execute(
          "CREATE TABLE lean_task (id bigint PRIMARY KEY, job int NOT NULL,"
              + " state smallint NOT NULL, attempt int NOT NULL DEFAULT 1)");
      st.execute("DROP TABLE IF EXISTS lean_job");
      st.execute("CREATE TABLE lean_job (id int PRIMARY KEY, total int, succeeded int)");
      st.execute("INSERT INTO lean_job VALUES (1, " + tasks + ", 0)");
    }
  }

  private static void copyTasks(Connection db, int tasks) throws SQLException {
    StringBuilder rows = new StringBuilder(tasks * 12);
    for (int i = 0; i < tasks; i++) {
      rows.append(i).append("\t1\t0\t1\n");
    }
    try {
      db.unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(
              "COPY lean_task (id, job, state, attempt) FROM STDIN",
              new StringReader(rows.toString()));
    } catch (java.io.IOException e) {
      throw new SQLException("COPY failed", e);
    }
  }

  /** The dispatcher: every task, in id order; throws if the broker refused any. */
  private void publishTasks(String topic, int tasks) {
    AtomicReference<Exception> refused = new AtomicReference<>();
    try (KafkaProducer<String, String> producer = producer()) {
      for (int i = 0; i < tasks && refused.get() == null; i++) {
        producer.send(
            new ProducerRecord<>(
                topic,
                Integer.toString(i),
                "{\"v\":1,\"job\":1,\"task\":"
                    + i
                    + ",\"attempt\":1,\"processor\":\"noop\",\"doc\":{\"text\":\"x\"}}"),
            (metadata, error) -> {
              if (error != null) {
                refused.compareAndSet(null, error);
              }
            });
      }
    }
    if (refused.get() != null) {
      throw new IllegalStateException("the broker refused a task message", refused.get());
    }
  }

  /**
   * Waits until every partition of {@code topics} has a leader and a log on it. Right after their
   * creation a loaded broker named itself leader before it had made the logs, answered produce
   * requests with NOT_LEADER_OR_FOLLOWER, and the idempotent producer's retries then broke on
   * out-of-order sequence numbers: the run never ended.
   */
  private static void awaitPartitions(Admin admin, List<String> topics) throws Exception {
    long deadline = System.nanoTime() + STALL.toNanos();
    while (!partitionsReady(admin, topics)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the lean flow's topics were not ready in time: " + topics);
      }
      Thread.sleep(100);
    }
  }

  private static boolean partitionsReady(Admin admin, List<String> topics)
      throws InterruptedException {
    try {
      Map<TopicPartition, Integer> leaders = new HashMap<>();
      for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get().values()) {
        for (TopicPartitionInfo partition : topic.partitions()) {
          if (partition.leader() == null || partition.leader().isEmpty()) {
            return false;
          }
          leaders.put(
              new TopicPartition(topic.name(), partition.partition()), partition.leader().id());
        }
      }
      Set<TopicPartition> logged = new HashSet<>();
      admin
          .describeLogDirs(new HashSet<>(leaders.values()))
          .allDescriptions()
          .get()
          .forEach(
              (broker, dirs) ->
                  dirs.values().forEach(dir -> logged.addAll(dir.replicaInfos().keySet())));
      return logged.containsAll(leaders.keySet());
    } catch (ExecutionException e) {
      return false; // not known to the broker yet
    }
  }

  /** A worker: a status per task, sent and acknowledged before the offsets are committed. */
  private void echoStatuses(String taskTopic, String statusTopic, String group, AtomicBoolean over)
      throws Exception {
    try (KafkaConsumer<String, String> consumer =
            consumer(group, Map.of("max.poll.records", "2000"));
        KafkaProducer<String, String> producer = producer()) {
      consumer.subscribe(List.of(taskTopic));
      while (!over.get()) {
        ConsumerRecords<String, String> records = consumer.poll(POLL);
        if (records.isEmpty()) {
          continue;
        }
        List<Future<RecordMetadata>> sent = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> task : records) {
          sent.add(
              producer.send(
                  new ProducerRecord<>(
                      statusTopic,
                      "1",
                      "{\"task\":" + task.key() + ",\"attempt\":1,\"state\":\"SUCCEEDED\"}")));
        }
        producer.flush();
        for (Future<RecordMetadata> each : sent) {
          each.get();
        }
        consumer.commitSync();
      }
    }
  }

  /** The aggregator: each poll's statuses in one guarded UPDATE and one counter update. */
  private void applyStatuses(
      String statusTopic, String group, AtomicLong applied, AtomicBoolean over) throws Exception {
    try (KafkaConsumer<String, String> consumer =
            consumer(
                group,
                Map.of(
                    "max.poll.records", "5000",
                    "fetch.min.bytes", "65536",
                    "fetch.max.wait.ms", "50"));
        Connection db = DriverManager.getConnection(jdbcUrl, user, password);
        PreparedStatement succeed =
            db.prepareStatement(
                "UPDATE lean_task SET state = 2 WHERE id = ANY(?) AND state <> 2 AND attempt = 1");
        PreparedStatement count =
            db.prepareStatement("UPDATE lean_job SET succeeded = succeeded + ? WHERE id = 1")) {
      db.setAutoCommit(false);
      consumer.subscribe(List.of(statusTopic));
      while (!over.get()) {
        ConsumerRecords<String, String> records = consumer.poll(POLL);
        if (records.isEmpty()) {
          continue;
        }
        Long[] ids = new Long[records.count()];
        int i = 0;
        for (ConsumerRecord<String, String> status : records) {
          String v = status.value();
          ids[i++] = Long.parseLong(v.substring(8, v.indexOf(',')));
        }
        Array idArray = db.createArrayOf("bigint", ids);
        succeed.setArray(1, idArray);
        int changed = succeed.executeUpdate();
        count.setInt(1, changed);
        count.executeUpdate();
        db.commit();
        consumer.commitSync();
        applied.addAndGet(changed);
      }
    }
  }

  private KafkaProducer<String, String> producer() {
    return new KafkaProducer<>(
        Map.of(
            "bootstrap.servers", bootstrap,
            "linger.ms", "5",
            "batch.size", "262144",
            "acks", "all"),
        new StringSerializer(),
        new StringSerializer());
  }

  private KafkaConsumer<String, String> consumer(String group, Map<String, String> extra) {
    Map<String, Object> config = new HashMap<>(extra);
    config.put("bootstrap.servers", bootstrap);
    config.put("group.id", group);
    config.put("enable.auto.commit", "false");
    config.put("auto.offset.reset", "earliest");
    return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
  }
}
