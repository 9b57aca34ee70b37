package io.findoc.batch.loadtests.faults;

import io.findoc.batch.common.topic.TopicNames;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;

/**
 * Checks, once a job has finished and its events have arrived, what its events must show (INV-7 and
 * the events' share of INV-2): every event of the job in the outbox ({@code job_event}) arrived at
 * the receiver, once per id after deduplication, every copy validly signed and with the same body;
 * nothing arrived that the outbox does not hold; the job's life is complete (created first,
 * started, progress, one completion last, one final event per task); and the events topic, read
 * with a plain consumer, holds every event of the job in the order of the outbox. It also measures
 * what faults cost: copies delivered more than once, records published more than once, and each
 * event's latency from its row's time to its first arrival.
 */
final class EventChecker {

  private static final Duration TIMESTAMP_TOLERANCE = Duration.ofMinutes(5);

  /** An event as the outbox holds it. */
  record Event(String id, String type, Instant occurredAt, int taskNumber) {}

  /** One event's delivery latency: from its row's time to its first arrival. */
  record Latency(Instant occurredAt, long millis) {}

  /** What the checker found, and each delivered event's latency. */
  record Findings(
      List<String> violations,
      int events,
      int deliveries,
      int duplicateDeliveries,
      int topicRecords,
      int duplicateRecords,
      List<Latency> latencies) {

    @Override
    public String toString() {
      return "events="
          + events
          + " deliveries="
          + deliveries
          + " duplicate deliveries="
          + duplicateDeliveries
          + " topic records="
          + topicRecords
          + " duplicate records="
          + duplicateRecords
          + " violations="
          + (violations.isEmpty() ? "none" : violations);
    }
  }

  private final FaultStack stack;

  EventChecker(FaultStack stack) {
    this.stack = stack;
  }

  /** The job's events in the outbox, in order. */
  List<Event> outbox(String jobId) throws SQLException {
    List<Event> events = new ArrayList<>();
    try (Connection db = stack.db();
        PreparedStatement q =
            db.prepareStatement(
                "SELECT CAST(id AS text), type, occurred_at,"
                    + " coalesce(CAST(data ->> 'taskNumber' AS int), 0)"
                    + " FROM job_event WHERE job_id = CAST(? AS uuid) ORDER BY seq")) {
      q.setString(1, jobId);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          events.add(
              new Event(
                  rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getInt(4)));
        }
      }
    }
    return events;
  }

  /**
   * Waits until {@code receiver} got every event of the job that the outbox holds (what arrived
   * more than once, or what the outbox lacks, is for {@link #check} to say).
   */
  void awaitArrived(String jobId, WebhookReceiver receiver, Duration within) throws SQLException {
    Set<String> ids = outbox(jobId).stream().map(Event::id).collect(Collectors.toSet());
    Awaitility.await()
        .atMost(within)
        .until(
            () ->
                receiver.received().stream()
                    .map(WebhookReceiver.Received::webhookId)
                    .collect(Collectors.toSet())
                    .containsAll(ids));
  }

  /** Checks the job of {@code tasks} tasks against what the receiver got and the topic holds. */
  Findings check(String jobId, int tasks, List<WebhookReceiver.Received> received)
      throws SQLException {
    List<String> violations = new ArrayList<>();
    List<Event> events = outbox(jobId);
    Set<String> ids = events.stream().map(Event::id).collect(Collectors.toSet());

    Map<String, List<WebhookReceiver.Received>> copies = new LinkedHashMap<>();
    for (WebhookReceiver.Received r : received) {
      if (jobId.equals(r.jobId())) {
        copies.computeIfAbsent(r.webhookId(), id -> new ArrayList<>()).add(r);
      }
    }
    List<Latency> latencies = new ArrayList<>();
    for (Event event : events) {
      List<WebhookReceiver.Received> got = copies.get(event.id());
      if (got == null) {
        violations.add("INV-7: event " + event.id() + " (" + event.type() + ") never arrived");
        continue;
      }
      checkCopies(event, got, violations);
      Instant first =
          got.stream().map(WebhookReceiver.Received::receivedAt).min(Instant::compareTo).get();
      latencies.add(
          new Latency(event.occurredAt(), Duration.between(event.occurredAt(), first).toMillis()));
    }
    for (String id : copies.keySet()) {
      if (!ids.contains(id)) {
        violations.add("INV-7: received event " + id + ", which the outbox does not hold");
      }
    }
    checkLife(jobId, tasks, events, violations);

    List<String> onTopic = topic(jobId);
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(onTopic));
    List<String> inOrder = events.stream().map(Event::id).toList();
    if (!distinct.equals(inOrder)) {
      Set<String> missing = new LinkedHashSet<>(inOrder);
      missing.removeAll(distinct);
      violations.add(
          missing.isEmpty()
              ? "INV-7: the topic holds the events of job " + jobId + " out of outbox order"
              : "INV-7: the topic lacks "
                  + missing.size()
                  + " events of job "
                  + jobId
                  + ", "
                  + missing.stream().limit(3).toList());
    }
    int deliveries = copies.values().stream().mapToInt(List::size).sum();
    return new Findings(
        violations,
        events.size(),
        deliveries,
        deliveries - copies.size(),
        onTopic.size(),
        onTopic.size() - distinct.size(),
        latencies);
  }

  /** Every copy of one event: signed validly, with a fresh timestamp, and the same body. */
  private static void checkCopies(
      Event event, List<WebhookReceiver.Received> got, List<String> violations) {
    for (WebhookReceiver.Received copy : got) {
      if (!copy.signatureValid()) {
        violations.add("INV-7: event " + event.id() + " arrived with a signature that fails");
      }
      Instant signedAt = Instant.ofEpochSecond(copy.timestamp());
      if (Duration.between(signedAt, copy.receivedAt()).abs().compareTo(TIMESTAMP_TOLERANCE) > 0) {
        violations.add("INV-7: event " + event.id() + " arrived with timestamp " + signedAt);
      }
      if (!copy.type().equals(event.type())) {
        violations.add("INV-7: event " + event.id() + " arrived as " + copy.type());
      }
    }
    if (got.stream().map(WebhookReceiver.Received::body).distinct().count() > 1) {
      violations.add("INV-7: event " + event.id() + " arrived with different bodies");
    }
  }

  /**
   * The job's life in its events: created first; started; progress; exactly one completion, last;
   * exactly one final event (completed or failed) per task.
   */
  private static void checkLife(
      String jobId, int tasks, List<Event> events, List<String> violations) {
    List<String> types = events.stream().map(Event::type).toList();
    if (types.isEmpty() || !types.get(0).equals("batch.job.created")) {
      violations.add(
          "INV-2: job " + jobId + "'s first event is not batch.job.created: " + first(types));
    }
    for (String type : List.of("batch.job.started", "batch.job.progress")) {
      if (!types.contains(type)) {
        violations.add("INV-2: job " + jobId + " has no " + type);
      }
    }
    long completions = types.stream().filter("batch.job.completed"::equals).count();
    if (completions != 1 || !types.get(types.size() - 1).equals("batch.job.completed")) {
      violations.add(
          "INV-2: job "
              + jobId
              + " has "
              + completions
              + " completion events, the last event is "
              + types.get(types.size() - 1));
    }
    Map<Integer, Integer> finals = new HashMap<>();
    for (Event event : events) {
      if (event.type().equals("batch.task.completed") || event.type().equals("batch.task.failed")) {
        finals.merge(event.taskNumber(), 1, Integer::sum);
      }
    }
    if (finals.size() != tasks || finals.values().stream().anyMatch(n -> n != 1)) {
      violations.add(
          "INV-2: job "
              + jobId
              + " has final task events for "
              + finals.size()
              + " of "
              + tasks
              + " tasks, "
              + finals.values().stream().filter(n -> n > 1).count()
              + " of them more than once");
    }
  }

  private static String first(List<String> types) {
    return types.isEmpty() ? "none" : types.get(0);
  }

  /** The ids ({@code ce_id}) of the job's records on the events topic, in partition order. */
  private List<String> topic(String jobId) {
    List<String> ids = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record :
        new InvariantChecker(stack).readAll(TopicNames.DEFAULTS.jobEvents())) {
      Header id = record.headers().lastHeader("ce_id");
      if (jobId.equals(record.key()) && id != null) {
        ids.add(new String(id.value(), StandardCharsets.UTF_8));
      }
    }
    return ids;
  }

  /** The {@code p}-th percentile (0 to 1) of the values, nearest rank; 0 if there are none. */
  static long percentile(List<Long> values, double p) {
    if (values.isEmpty()) {
      return 0;
    }
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(
        Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(p * sorted.size()) - 1)));
  }
}
