package io.findoc.batch.worker.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.findoc.batch.common.id.JobId;
import io.findoc.batch.common.message.Document;
import io.findoc.batch.common.message.Priority;
import io.findoc.batch.common.message.TaskMessage;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrashJournalTest {

  @TempDir Path dir;

  private final JobId job = JobId.random();

  private TaskMessage task(int number, int attempt) {
    return new TaskMessage(
        TaskMessage.VERSION,
        job,
        number,
        attempt,
        "t",
        Priority.NORMAL,
        "simulate",
        Map.of(),
        Document.ofText("doc-" + number, "x"));
  }

  @Test
  void severalAttemptsRunningWhenTheProcessEndedAreSuspectsThatRunAlone() {
    Path file = dir.resolve("worker-1.journal");
    CrashJournal previous = CrashJournal.open(file, 4);
    int crashing = previous.running(task(7, 1));
    previous.ended(previous.running(task(8, 1)));
    previous.running(task(9, 2));
    assertThat(crashing).isNotNegative();
    // The process ends here, as by kill -9: nothing is closed or flushed.

    CrashJournal next = CrashJournal.open(file, 4);

    assertThat(next.verdict(task(7, 1))).isEqualTo(CrashJournal.Verdict.SUSPECT);
    assertThat(next.verdict(task(7, 1))).as("every copy").isEqualTo(CrashJournal.Verdict.SUSPECT);
    assertThat(next.verdict(task(7, 2))).as("a later attempt").isEqualTo(CrashJournal.Verdict.NONE);
    assertThat(next.verdict(task(8, 1)))
        .as("ended before the crash")
        .isEqualTo(CrashJournal.Verdict.NONE);
    assertThat(next.verdict(task(9, 2))).isEqualTo(CrashJournal.Verdict.SUSPECT);
    assertThat(next.isolating()).as("until both ran alone").isTrue();
    next.ranAlone(task(7, 1));
    assertThat(next.isolating()).isTrue();
    next.ranAlone(task(9, 2));
    assertThat(next.isolating()).isFalse();
    CrashJournal third = CrashJournal.open(file, 4);
    assertThat(third.verdict(task(9, 2)))
        .as("read once, then cleared")
        .isEqualTo(CrashJournal.Verdict.NONE);
  }

  @Test
  void theOnlyAttemptRunningWhenTheProcessEndedIsTheCulprit() {
    Path file = dir.resolve("worker-2.journal");
    CrashJournal previous = CrashJournal.open(file, 4);
    previous.ended(previous.running(task(8, 1)));
    previous.running(task(7, 3));

    CrashJournal next = CrashJournal.open(file, 4);

    assertThat(next.verdict(task(7, 3))).isEqualTo(CrashJournal.Verdict.CULPRIT);
    assertThat(next.verdict(task(8, 1))).isEqualTo(CrashJournal.Verdict.NONE);
    assertThat(next.isolating()).as("nothing to run alone").isFalse();
  }

  @Test
  void moreAttemptsAtOnceThanSlotsAreNotJournalled() {
    CrashJournal journal = CrashJournal.open(dir.resolve("small.journal"), 1);
    assertThat(journal.running(task(1, 1))).isZero();
    assertThat(journal.running(task(2, 1))).isNegative();
    journal.ended(-1);
    journal.ended(0);
    assertThat(journal.running(task(3, 1))).isZero();
  }

  @Test
  void noFileNoJournal() {
    assertThat(CrashJournal.open(null, 4)).isNull();
  }
}
