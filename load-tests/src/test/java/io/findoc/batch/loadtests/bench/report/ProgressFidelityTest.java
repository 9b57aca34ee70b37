package io.findoc.batch.loadtests.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.findoc.batch.loadtests.client.ProgressEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressFidelityTest {

  private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

  private static Instant at(double seconds) {
    return T0.plusNanos((long) (seconds * 1e9));
  }

  /** 100 tasks finishing one every 10 ms, from 0.01 s to 1.00 s. */
  private static List<Instant> finishes() {
    List<Instant> finishes = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      finishes.add(at(i / 100.0));
    }
    return finishes;
  }

  private static ProgressEvent event(double seconds, int done, Double finishAt) {
    return new ProgressEvent(
        at(seconds), "RUNNING", done, 100, finishAt == null ? null : at(finishAt));
  }

  @Test
  void aStreamThatShowsEveryTaskAtOnceIsExactWithNoLag() {
    List<ProgressEvent> events = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      events.add(event(i / 100.0, i, 1.0));
    }

    ProgressFidelity f = ProgressFidelity.of(finishes(), events, T0);

    assertThat(f.accuracyMean()).isEqualTo(1.0);
    assertThat(f.accuracyWorst()).isEqualTo(1.0);
    assertThat(f.lagP99Ms()).isZero();
    assertThat(f.pointsBehind()).isZero();
    assertThat(f.eventsPerSecond()).isCloseTo(100, within(0.01));
    assertThat(f.etaError50()).isZero();
  }

  @Test
  void aStreamTwoHundredMillisecondsBehindIsJudgedByWhatHadFinishedWhenEachEventArrived() {
    // Every 100 ms an event arrives showing the tasks finished 200 ms before.
    List<ProgressEvent> events = new ArrayList<>();
    for (int tenth = 1; tenth <= 12; tenth++) {
      double t = tenth / 10.0;
      int shown = (int) Math.round(Math.max(0, Math.min(1.0, t - 0.2)) * 100);
      events.add(event(t, shown, 1.5));
    }

    ProgressFidelity f = ProgressFidelity.of(finishes(), events, T0);

    // At 0.1 s 10 had finished and none was shown; at 0.3 s 30 had, and 10 were shown.
    assertThat(f.accuracyWorst()).isZero();
    assertThat(f.accuracyMean()).isBetween(0.5, 0.6);
    assertThat(f.pointsBehind()).isEqualTo(20.0);
    // A task is shown by the first event at least 200 ms after its finish, on a 100 ms grid.
    assertThat(f.lagP50Ms()).isBetween(200.0, 300.0);
    assertThat(f.lagMaxMs()).isLessThanOrEqualTo(300.0);
    // At half-way (shown at 0.7 s) the estimate said 1.5 s; the last task finished at 1.0 s.
    assertThat(f.etaError50()).isCloseTo(0.5 / 0.3, within(1e-6));
  }

  @Test
  void tasksThatFinishedBeforeTheJobCouldBeWatchedHaveNoLag() {
    // The submission was answered at 0.5 s; the first event came then, with the 50 done by then.
    List<ProgressEvent> events = new ArrayList<>();
    for (int i = 50; i <= 100; i++) {
      events.add(event(i / 100.0, i, 1.0));
    }

    ProgressFidelity f = ProgressFidelity.of(finishes(), events, at(0.5));

    assertThat(f.lagMaxMs()).isZero();
    assertThat(f.accuracyWorst()).isEqualTo(1.0);
  }
}
