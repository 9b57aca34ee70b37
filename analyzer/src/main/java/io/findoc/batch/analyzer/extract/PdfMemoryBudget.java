package io.findoc.batch.analyzer.extract;

import io.findoc.batch.analyzer.AnalysisError;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The stream-cache memory all PDF parses of one worker share, in bytes. A parse reserves what its
 * cache grows by and gives it back when the document is closed; a reservation that does not fit
 * fails at once with {@code PDF_MEMORY_BUSY} (retryable: the memory is held by other documents, a
 * later attempt may find it free). Each parse is also held to its own cap, so a bomb fails with
 * {@code PDF_TOO_LARGE} before it can take more than that share. Thread-safe.
 */
public final class PdfMemoryBudget {

  private final long capacity;
  private final AtomicLong reserved = new AtomicLong();

  public PdfMemoryBudget(long capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("the PDF memory budget must be positive: " + capacity);
    }
    this.capacity = capacity;
  }

  /**
   * Takes {@code bytes} from the budget, or fails with {@code PDF_MEMORY_BUSY} if they do not fit.
   */
  void reserve(long bytes) {
    long before;
    do {
      before = reserved.get();
      if (before + bytes > capacity) {
        throw AnalysisError.PDF_MEMORY_BUSY.exception(
            "the PDF memory all analyses share ("
                + capacity
                + " bytes) is held by other documents: "
                + bytes
                + " more bytes do not fit");
      }
    } while (!reserved.compareAndSet(before, before + bytes));
  }

  /** Gives back {@code bytes} taken with {@link #reserve}. */
  void release(long bytes) {
    reserved.addAndGet(-bytes);
  }

  /** The bytes reserved now. */
  public long reserved() {
    return reserved.get();
  }

  public long capacity() {
    return capacity;
  }
}
