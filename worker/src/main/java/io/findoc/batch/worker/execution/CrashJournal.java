package io.findoc.batch.worker.execution;

import io.findoc.batch.common.message.TaskMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * attempts are <em>suspects</em>, and when their message comes again the worker reports them failed
 * ({@code WORKER_CRASHED}, retryable) instead of running them, so the coordinator retries them as
 * its retry policy says, and fails them for good after the job's last attempt.
 *
 * <p>An attempt that was merely running beside the culprit, or when the process was killed from
 * outside, is charged an attempt too, as the lease reaper charges every attempt of a worker that
 * died; it runs again as the next attempt.
 */
public final class CrashJournal implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CrashJournal.class);

  /** job id (two longs), task number, attempt, in use. */
  private static final int SLOT_BYTES = 32;

  private static final int IN_USE = 1;

  /** The error code of an attempt reported failed because it was running in a crash. */
  public static final String WORKER_CRASHED = "WORKER_CRASHED";

  private record AttemptKey(UUID job, int number, int attempt) {}

  private final FileChannel channel;
  private final MappedByteBuffer slots;
  private final BlockingQueue<Integer> free;
  private final Set<AttemptKey> suspects = new HashSet<>();

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
    if (!suspects.isEmpty()) {
      LOG.warn(
          "The previous process of this worker ended while {} attempts ran ({}); when their"
              + " messages come again they are reported failed ({}), not run.",
          suspects.size(),
          file,
          WORKER_CRASHED);
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
   * Whether {@code task}'s attempt was running when the previous process ended (every copy of it: a
   * message redelivered and one dispatched again are both reported, not run).
   */
  public synchronized boolean crashedBefore(TaskMessage task) {
    return !suspects.isEmpty() && suspects.contains(key(task));
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
