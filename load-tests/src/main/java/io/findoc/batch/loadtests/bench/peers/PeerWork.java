package io.findoc.batch.loadtests.bench.peers;

import io.findoc.batch.loadtests.bench.scenario.Corpus;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a peer's job does: nothing (and counts itself), or analyse one document of the corpus as
 * {@code findoc.analyze} does. Static, because the peers create their handlers themselves.
 */
final class PeerWork {

  static final AtomicLong DONE = new AtomicLong();
  static volatile Corpus corpus;

  private PeerWork() {}

  static void noop() {
    DONE.incrementAndGet();
  }

  static void analyse(String uri) {
    corpus.analyse(uri);
    DONE.incrementAndGet();
  }

  /** Waits until {@code target} jobs have run (checked every 10 ms), at most {@code minutes}. */
  static void awaitDone(long target, int minutes) throws InterruptedException {
    long deadline = System.nanoTime() + minutes * 60_000_000_000L;
    while (DONE.get() < target) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "only " + DONE.get() + " of " + target + " peer jobs ran in " + minutes + " minutes");
      }
      Thread.sleep(10);
    }
  }
}
