package io.findoc.batch.coordinator.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.findoc.batch.common.state.JobState;
import io.findoc.batch.coordinator.config.CoordinatorProperties;
import io.findoc.batch.coordinator.store.JobRow;
import io.findoc.batch.coordinator.testing.JobRows;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The progress streams' rounds, with the job rows given by the test: one read per round whatever
 * the number of watchers, an event only when the job changed, a slow watcher kept to the newest
 * event and dropped when it takes none, the streams of a finished or vanished job ended.
 */
class ProgressStreamsTest {

  private static final Instant START = Instant.parse("2026-12-07T10:00:00Z");
  private static final UUID JOB = UUID.randomUUID();

  private final Map<UUID, JobRow> rows = new ConcurrentHashMap<>();
  private final AtomicInteger reads = new AtomicInteger();
  private final ProgressStreams streams =
      new ProgressStreams(
          ids -> {
            reads.incrementAndGet();
            List<JobRow> found = new ArrayList<>();
            for (UUID id : ids) {
              if (rows.containsKey(id)) {
                found.add(rows.get(id));
              }
            }
            return found;
          },
          Clock.systemUTC(),
          new CoordinatorProperties.Progress(
              Duration.ofMillis(200), Duration.ofHours(1), Duration.ofMillis(300), 2),
          new SimpleMeterRegistry());

  @AfterEach
  void stop() {
    streams.stop();
  }

  /** Keeps what it is sent; a write blocks while the gate is closed. */
  private static final class Recording implements EventSink {
    final List<Integer> done = Collections.synchronizedList(new ArrayList<>());
    volatile CountDownLatch gate = new CountDownLatch(0);
    volatile boolean completed;

    @Override
    public void send(String id, Object data) throws IOException {
      try {
        gate.await();
      } catch (InterruptedException e) {
        throw new IOException(e);
      }
      done.add(((JobView) data).progress().done());
    }

    @Override
    public void complete() {
      completed = true;
    }
  }

  private void job(JobState state, int succeeded) {
    rows.put(JOB, JobRows.of(JOB, state, 1000, succeeded, START, null));
  }

  @Test
  void twoHundredWatchersOfAJobCostOneReadPerRoundAndGetAnEventOnlyWhenItChanged() {
    job(JobState.RUNNING, 10);
    List<Recording> watchers = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      Recording sink = new Recording();
      watchers.add(sink);
      streams.watch(JOB, sink);
    }
    streams.lookAll(System.nanoTime());
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> watchers.forEach(w -> assertThat(w.done).containsExactly(10)));
    streams.lookAll(System.nanoTime());
    job(JobState.RUNNING, 20);
    streams.lookAll(System.nanoTime());

    assertThat(reads).hasValue(3);
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> watchers.forEach(w -> assertThat(w.done).containsExactly(10, 20)));
  }

  @Test
  void aWatcherThatJoinsLateGetsTheLastEventAtOnce() {
    job(JobState.RUNNING, 10);
    streams.watch(JOB, new Recording());
    streams.lookAll(System.nanoTime());
    Recording late = new Recording();
    streams.watch(JOB, late);

    await().atMost(Duration.ofSeconds(5)).until(() -> late.done.equals(List.of(10)));
    assertThat(reads).hasValue(1);
  }

  @Test
  void aWatcherBehindIsSentTheNewestEventOnlyNotEveryOneItMissed() {
    Recording slow = new Recording();
    slow.gate = new CountDownLatch(1);
    streams.watch(JOB, slow);
    for (int done = 1; done <= 50; done++) {
      job(JobState.RUNNING, done);
      streams.lookAll(System.nanoTime());
    }
    slow.gate.countDown();

    await().atMost(Duration.ofSeconds(5)).until(() -> slow.done.contains(50));
    // The one in flight when the gate closed, then the newest: none of those in between.
    assertThat(slow.done).hasSizeLessThanOrEqualTo(2).last().isEqualTo(50);
  }

  @Test
  void aWatcherThatTakesNoEventIsDroppedAndTheOthersGoOn() throws Exception {
    Recording stuck = new Recording();
    stuck.gate = new CountDownLatch(1);
    Recording reading = new Recording();
    streams.watch(JOB, stuck);
    streams.watch(JOB, reading);
    job(JobState.RUNNING, 1);
    streams.lookAll(System.nanoTime());
    await().atMost(Duration.ofSeconds(5)).until(() -> reading.done.equals(List.of(1)));
    job(JobState.RUNNING, 2);
    // A round past the slow-client timeout (300 ms) of the write under way.
    streams.lookAll(System.nanoTime() + Duration.ofMillis(400).toNanos());
    stuck.gate.countDown();

    await().atMost(Duration.ofSeconds(5)).until(() -> reading.done.equals(List.of(1, 2)));
    await().atMost(Duration.ofSeconds(5)).until(() -> stuck.completed);
    assertThat(stuck.done)
        .as("the dropped watcher's stream ends with no event more")
        .containsExactly(1);
    assertThat(reading.completed).isFalse();
  }

  @Test
  void theStreamsOfAFinishedJobEndAfterItsLastEvent() {
    Recording sink = new Recording();
    streams.watch(JOB, sink);
    job(JobState.COMPLETED, 1000);
    streams.lookAll(System.nanoTime());

    await().atMost(Duration.ofSeconds(5)).until(() -> sink.completed);
    assertThat(sink.done).containsExactly(1000);
    streams.lookAll(System.nanoTime());
    assertThat(reads).as("no read once no stream is open").hasValue(1);
  }

  @Test
  void theStreamsOfAJobThatIsGoneEndWithoutAnEvent() {
    Recording sink = new Recording();
    streams.watch(UUID.randomUUID(), sink);
    streams.lookAll(System.nanoTime());
    streams.lookAll(System.nanoTime());

    await().atMost(Duration.ofSeconds(5)).until(() -> sink.completed);
    assertThat(sink.done).isEmpty();
    assertThat(reads).hasValue(1);
  }

  @Test
  void stoppingEndsEveryOpenStream() {
    job(JobState.RUNNING, 10);
    Recording sink = new Recording();
    streams.watch(JOB, sink);
    streams.lookAll(System.nanoTime());
    await().atMost(Duration.ofSeconds(5)).until(() -> sink.done.equals(List.of(10)));

    streams.stop();

    await().atMost(Duration.ofSeconds(5)).until(() -> sink.completed);
    assertThat(sink.done).containsExactly(10);
  }

  @Test
  void aRoundGoesOnWhenTheJobsCannotBeRead() {
    Recording sink = new Recording();
    streams.watch(JOB, sink);
    streams.lookAll(System.nanoTime()); // the job is not there: its stream ends
    rows.clear();
    ProgressStreams failing =
        new ProgressStreams(
            ids -> {
              throw new IllegalStateException("database away");
            },
            Clock.systemUTC(),
            new CoordinatorProperties.Progress(
                Duration.ofMillis(200), Duration.ofHours(1), Duration.ofMillis(300), 2),
            new SimpleMeterRegistry());
    Recording waiting = new Recording();
    failing.watch(JOB, waiting);

    failing.lookAll(System.nanoTime());
    failing.lookAll(System.nanoTime());

    assertThat(waiting.done).isEmpty();
    assertThat(waiting.completed).as("the stream stays open through the outage").isFalse();
    failing.stop();
  }
}
