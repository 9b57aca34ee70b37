package io.findoc.batch.worker.execution;

import io.findoc.batch.common.message.TaskMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which attempts were running when this worker's previous process ended without stopping: a
 * document that crashes its processor's process (a native parser, the JVM running out of memory)
 * would otherwise crash every worker that takes its message again, for ever, since its offset is
 * never committed. Each processor thread, while it runs an attempt, holds a slot of a small file
 * mapped into memory naming the attempt; the slot is cleared when the processor returns. What a
 * process writes into a mapped file survives the process (not the machine), at the cost of a memory
 * write, so nothing is written to disk per task. A new process reads the slots left behind: those
 * attempts are <em>suspects</em>.
 *
 * <ul>
 *   <li>One suspect is the culprit ({@link Verdict#CULPRIT}): when its message comes again the
 *       worker reports it failed ({@code WORKER_CRASHED}, retryable) instead of running it, so the
 *       coordinator retries it as its retry policy says, and fails it for good after the job's last
 *       attempt.
 *   <li>Of several, any may be the culprit ({@link Verdict#SUSPECT}): each runs again when its
 *       message comes, but alone, no other attempt beside it ({@link #isolating}). The innocent end
 *       as they would have; the culprit ends the process again, alone in the journal this time, and
 *       is then reported. So the attempts that merely ran beside a crashing document are not
 *       charged for it, however often it is retried among them.
 * </ul>
 *
 * <p>A process killed from outside while one attempt ran charges that attempt, as the lease reaper
 * charges every attempt of a worker that died; it runs again as the next attempt.
 */
public final class CrashJournal implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CrashJournal.class);

  /** job id (two longs), task number, attempt, in use. */
  private static final int SLOT_BYTES = 32;

  private static final int IN_USE = 1;

  /** The error code of an attempt reported failed because it was running in a crash. */
  public static final String WORKER_CRASHED = "WORKER_CRASHED";

  /** The longest the suspects are waited for, run alone: their messages may go elsewhere. */
  static final Duration ISOLATION_LIMIT = Duration.ofMinutes(2);

  /** What the journal says of an attempt about to run. */
  public enum Verdict {
    /** It was not running when the previous process ended. */
    NONE,
    /** It was the only attempt running then: it ended the process. */
    CULPRIT,
    /** It was one of several running then: it runs again, alone. */
    SUSPECT
  }

  private record AttemptKey(UUID job, int number, int attempt) {}

  private final FileChannel channel;
  private final MappedByteBuffer slots;
  private final BlockingQueue<Integer> free;
  private final Set<AttemptKey> suspects = new HashSet<>();
  private final Set<AttemptKey> notYetRunAlone = new HashSet<>();
  private final long isolationEndsNanos = System.nanoTime() + ISOLATION_LIMIT.toNanos();
  private volatile boolean isolating;

  private CrashJournal(Path file, int slotCount) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    long size = Math.max(channel.size(), (long) slotCount * SLOT_BYTES);
    slots = channel.map(FileChannel.MapMode.READ_WRITE, 0, size);
    for (int offset = 0; offset + SLOT_BYTES <= size; offset += SLOT_BYTES) {
      if (slots.getInt(offset + 24) == IN_USE) {
        suspects.add(
            new AttemptKey(
                new UUID(slots.getLong(offset), slots.getLong(offset + 8)),
                slots.getInt(offset + 16),
                slots.getInt(offset + 20)));
      }
      slots.putInt(offset + 24, 0);
    }
    free = new ArrayBlockingQueue<>(slotCount);
    for (int slot = 0; slot < slotCount; slot++) {
      free.add(slot);
    }
    if (suspects.size() == 1) {
      LOG.warn(
          "The previous process of this worker ended while one attempt ran ({}); when its message"
              + " comes again it is reported failed ({}), not run.",
          file,
          WORKER_CRASHED);
    } else if (suspects.size() > 1) {
      notYetRunAlone.addAll(suspects);
      isolating = true;
      LOG.warn(
          "The previous process of this worker ended while {} attempts ran ({}); when their"
              + " messages come again each runs alone, to find the one that ended it.",
          suspects.size(),
          file);
    }
  }

  /**
   * The journal in {@code file}, with a slot for each of {@code threads} processor threads; null
   * (no journal) if {@code file} is null.
   */
  public static CrashJournal open(Path file, int threads) {
    if (file == null) {
      return null;
    }
    try {
      return new CrashJournal(file, threads);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the crash journal " + file, e);
    }
  }

  /**
   * What the journal says of {@code task}'s attempt (of every copy of it: a message redelivered and
   * one dispatched again alike).
   */
  public synchronized Verdict verdict(TaskMessage task) {
    if (suspects.isEmpty() || !suspects.contains(key(task))) {
      return Verdict.NONE;
    }
    return suspects.size() == 1 ? Verdict.CULPRIT : Verdict.SUSPECT;
  }

  /**
   * Whether suspects are still to run alone, so that every other attempt must wait for them: until
   * each ran, or for {@link #ISOLATION_LIMIT} at most.
   */
  public boolean isolating() {
    if (isolating && System.nanoTime() - isolationEndsNanos > 0) {
      isolating = false;
    }
    return isolating;
  }

  /** {@code task}, a suspect, ran alone to its end: it did not end the process. */
  public synchronized void ranAlone(TaskMessage task) {
    notYetRunAlone.remove(key(task));
    if (notYetRunAlone.isEmpty()) {
      isolating = false;
    }
  }

  /** Notes that {@code task}'s attempt runs now; returns its slot for {@link #ended}. */
  public int running(TaskMessage task) {
    Integer slot = free.poll();
    if (slot == null) {
      return -1; // more attempts at once than processor threads: not journalled
    }
    // A slot belongs to one thread until ended; no other thread reads it, only the next process
    // (through the page cache), so no lock. The flag goes last: a process that dies mid-write
    // leaves the slot unused.
    int offset = slot * SLOT_BYTES;
    UUID job = task.jobId().value();
    slots.putLong(offset, job.getMostSignificantBits());
    slots.putLong(offset + 8, job.getLeastSignificantBits());
    slots.putInt(offset + 16, task.taskNumber());
    slots.putInt(offset + 20, attempt(task));
    slots.putInt(offset + 24, IN_USE);
    return slot;
  }

  /** The attempt of {@code slot} ended: its process may die now without it being a suspect. */
  public void ended(int slot) {
    if (slot < 0) {
      return;
    }
    slots.putInt(slot * SLOT_BYTES + 24, 0);
    free.add(slot);
  }

  private static AttemptKey key(TaskMessage task) {
    return new AttemptKey(task.jobId().value(), task.taskNumber(), attempt(task));
  }

  /** The attempt number, negative for a compensation's, whose attempts count apart. */
  private static int attempt(TaskMessage task) {
    return task.compensation() ? -task.attempt() : task.attempt();
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      LOG.debug("Could not close the crash journal.", e);
    }
  }
}
