package io.findoc.batch.loadtests.faults;

import io.findoc.batch.common.topic.TopicNames;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.utils.Utils;

/**
 * The coordinators' consumer group on the status topic, as the broker sees it: which coordinator of
 * a {@link FaultStack} (each names its consumer after its host and pid) aggregates which job (a
 * job's reports go to the status partition of its id).
 */
final class StatusGroup implements AutoCloseable {

  private static final String GROUP = "findoc-coordinator";

  private final FaultStack stack;
  private final Admin admin;

  StatusGroup(FaultStack stack) {
    this.stack = stack;
    this.admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrap()));
  }

  List<MemberDescription> members() throws ExecutionException, InterruptedException {
    return new ArrayList<>(
        admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP).members());
  }

  /**
   * Whether exactly {@code count} coordinators are in the group and together hold every partition.
   */
  boolean heldBy(int count) throws ExecutionException, InterruptedException {
    List<MemberDescription> members = members();
    return members.size() == count
        && members.stream().noneMatch(m -> statusPartitions(m).isEmpty())
        && members.stream().mapToInt(m -> statusPartitions(m).size()).sum() == partitions();
  }

  /** The number of the coordinator ({@link FaultStack#coordinator}) that aggregates the job. */
  int aggregatorOf(String jobId, int coordinators) throws ExecutionException, InterruptedException {
    int partition =
        Utils.toPositive(Utils.murmur2(jobId.getBytes(StandardCharsets.UTF_8))) % partitions();
    MemberDescription owner =
        members().stream()
            .filter(m -> statusPartitions(m).contains(partition))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("nobody holds partition " + partition));
    for (int n = 1; n <= coordinators; n++) {
      String name = FaultStack.coordinator(n);
      if (stack.alive(name) && owner.clientId().matches(".*-" + stack.pid(name) + "(-\\d+)?")) {
        return n;
      }
    }
    throw new IllegalStateException("no running coordinator is the member " + owner.clientId());
  }

  private int partitions() throws ExecutionException, InterruptedException {
    String topic = TopicNames.DEFAULTS.taskStatus();
    return admin
        .describeTopics(List.of(topic))
        .allTopicNames()
        .get()
        .get(topic)
        .partitions()
        .size();
  }

  private static List<Integer> statusPartitions(MemberDescription member) {
    return member.assignment().topicPartitions().stream()
        .filter(p -> p.topic().equals(TopicNames.DEFAULTS.taskStatus()))
        .map(p -> p.partition())
        .toList();
  }

  @Override
  public void close() {
    admin.close();
  }
}
