package io.findoc.batch.loadtests.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.findoc.batch.common.event.EventType;
import io.findoc.batch.common.topic.TopicNames;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * FI-06: two coordinators on one database and one broker, and one of them killed mid-run. The other
 * takes over what the dead one did: its share of the status partitions (once the consumer group
 * drops the dead member), dispatch, lease reaping, and the API. Jobs are submitted until each
 * coordinator aggregates at least one of them (a job's reports go to the status partition of its
 * id), so the takeover of aggregation is exercised whichever of the two is killed; a webhook
 * receives one job's events across the kill, checked by the {@link EventChecker} (INV-7: each event
 * once by id, one completion event). How long the survivor takes to do each duty the two shared
 * ({@link DutyTakeover}: outbox relay, webhook deliveries, the dead one's dispatch rounds, status
 * partitions) is printed as {@code FAULT FI-06 takeover}.
 */
@Tag("faults")
@Tag("slow")
class FailoverFaultIT {

  private static final String GROUP = "findoc-coordinator";
  private static final int TASKS = 1500;

  /** The tasks of the job whose events a webhook receives across the failover. */
  private static final int WATCHED = 300;

  private static FaultStack stack;

  @BeforeAll
  static void up() {
    stack = FaultStack.start("failover", 2, 2, FaultStack.WEBHOOKS_TO_THIS_HOST);
  }

  @AfterAll
  static void down() {
    stack.close();
  }

  @Test
  void fi06WhenOneOfTwoCoordinatorsIsKilledTheOtherFinishesEveryJob() throws Exception {
    FaultRun run = new FaultRun("FI-06", stack);
    try (WebhookReceiver receiver = new WebhookReceiver();
        Admin admin =
            Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrap()))) {
      await()
          .atMost(Duration.ofMinutes(3))
          .ignoreExceptions()
          .until(
              () ->
                  members(admin).size() == 2
                      && members(admin).stream()
                          .allMatch(m -> !m.assignment().topicPartitions().isEmpty()));
      List<MemberDescription> before = members(admin);
      int partitions = before.stream().mapToInt(m -> m.assignment().topicPartitions().size()).sum();

      // Alternately through both APIs, until each coordinator aggregates a job.
      List<String> jobs = new ArrayList<>();
      while (jobs.size() < 16 && !eachAggregatesOne(before, jobs, partitions)) {
        stack.useCoordinator(1 + jobs.size() % 2);
        jobs.add(run.submit(TASKS, "simulate", Map.of("sleepMs", 5)));
      }
      assertThat(eachAggregatesOne(before, jobs, partitions))
          .as("each coordinator aggregates one of %s jobs", jobs.size())
          .isTrue();
      // A job whose events reach a webhook across the failover (INV-7), through the victim.
      stack.useCoordinator(1);
      JsonNode watched =
          run.submitAnswered(
              WATCHED,
              "simulate",
              Map.of("sleepMs", 100),
              Map.of(
                  "webhooks",
                  List.of(
                      Map.of(
                          "url",
                          receiver.url(),
                          "events",
                          Arrays.stream(EventType.values()).map(EventType::wireName).toList()))));
      String watchedId = watched.get("id").asString();
      receiver.secret(watched.get("webhooks").get(0).get("secret").asString());
      stack.useCoordinator(2);
      await()
          .atMost(Duration.ofMinutes(3))
          .until(() -> jobs.stream().allMatch(id -> run.succeeded(id) >= TASKS / 10));
      await()
          .atMost(Duration.ofMinutes(3))
          .until(
              () ->
                  receiver.received().stream()
                          .filter(r -> r.type().startsWith("batch.task."))
                          .count()
                      >= WATCHED / 10);

      DutyTakeover takeover = DutyTakeover.kill(stack, FaultStack.coordinator(1));
      run.injected(
          "kill -9 coordinator 1 of 2 with "
              + jobs.size()
              + " jobs of "
              + TASKS
              + " tasks running; it stays dead");
      run.faultRemoved();
      // The duties the two shared, done by the survivor alone: each within its lease or period.
      Map<String, Optional<Duration>> taken = takeover.await(Duration.ofMinutes(2));
      System.out.println(
          "FAULT FI-06 takeover after the kill: "
              + taken.entrySet().stream()
                  .map(
                      e ->
                          e.getKey()
                              + " "
                              + e.getValue()
                                  .map(d -> d.toMillis() + "ms")
                                  .orElse("(none in flight)"))
                  .collect(Collectors.joining(", "))
              + "; "
              + takeover.victimRounds()
              + " rounds of the dead and "
              + takeover.inFlightDeliveries()
              + " webhook deliveries in flight at the kill");
      assertThat(taken.get("outbox relay"))
          .hasValueSatisfying(d -> assertThat(d).isLessThan(Duration.ofSeconds(30)));
      String after = run.submit(500, "simulate", Map.of("sleepMs", 5));
      run.injected("a job of 500 tasks submitted to the survivor");

      long killed = System.nanoTime();
      await()
          .atMost(Duration.ofMinutes(3))
          .ignoreExceptions()
          .until(
              () ->
                  members(admin).size() == 1
                      && members(admin).get(0).assignment().topicPartitions().size() == partitions);
      MemberDescription survivor = members(admin).get(0);
      Set<Integer> had =
          partitionsOf(
              before.stream()
                  .filter(m -> m.consumerId().equals(survivor.consumerId()))
                  .findFirst()
                  .orElseThrow());
      long moved = jobs.stream().filter(id -> !had.contains(partition(id, partitions))).count();
      System.out.println(
          "FAULT FI-06: the survivor aggregates all "
              + partitions
              + " status partitions "
              + Duration.ofNanos(System.nanoTime() - killed).toMillis()
              + "ms after the kill; the reports of "
              + moved
              + " of "
              + jobs.size()
              + " jobs moved to it");
      assertThat(moved).as("jobs whose aggregation moved to the survivor").isPositive();

      run.finish(Duration.ofMinutes(4));
      for (String id : jobs) {
        assertThat(run.succeeded(id)).isEqualTo(TASKS);
      }
      assertThat(run.succeeded(after)).isEqualTo(500);

      EventChecker checker = new EventChecker(stack);
      checker.awaitArrived(watchedId, receiver, Duration.ofMinutes(2));
      EventChecker.Findings events = checker.check(watchedId, WATCHED, receiver.received());
      System.out.println("FAULT FI-06 events RESULT " + events);
      assertThat(events.violations()).as("events across the failover").isEmpty();
    }
  }

  private static List<MemberDescription> members(Admin admin) throws Exception {
    ConsumerGroupDescription group =
        admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP);
    return new ArrayList<>(group.members());
  }

  private static Set<Integer> partitionsOf(MemberDescription member) {
    return member.assignment().topicPartitions().stream()
        .filter(p -> p.topic().equals(TopicNames.DEFAULTS.taskStatus()))
        .map(TopicPartition::partition)
        .collect(Collectors.toSet());
  }

  /** The status partition of a job's reports: Kafka's partitioner on the job id key. */
  private static int partition(String jobId, int partitions) {
    return Utils.toPositive(Utils.murmur2(jobId.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  private static boolean eachAggregatesOne(
      List<MemberDescription> members, List<String> jobs, int partitions) {
    return members.stream()
        .allMatch(
            m -> jobs.stream().anyMatch(id -> partitionsOf(m).contains(partition(id, partitions))));
  }
}
