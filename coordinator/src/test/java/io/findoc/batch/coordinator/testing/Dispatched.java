package io.findoc.batch.coordinator.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What the dispatcher handed out, for tests that play the workers. */
public final class Dispatched {

  private Dispatched() {}

  /** Submits {@code body} and waits until its {@code tasks} tasks are QUEUED; the job's id. */
  public static String queued(Api api, String body, int tasks) {
    String id = api.submit(body);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> api.job(id).get("counts").get("queued").asInt() == tasks);
    return id;
  }

  /**
   * The keys ({@code job/number}) of the job's messages on the normal priority's task topic, once
   * there are at least {@code count}.
   */
  public static List<String> keys(RunningStack stack, String job, int count) {
    return TopicRecords.readUntil(
            stack.property("findoc.topics.tasks-normal"),
            read -> read.stream().filter(r -> r.key().startsWith(job + "/")).count() >= count)
        .stream()
        .map(ConsumerRecord::key)
        .filter(key -> key.startsWith(job + "/"))
        .toList();
  }
}
