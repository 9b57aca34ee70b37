package io.findoc.batch.worker.execution;

import io.findoc.batch.common.message.Priority;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The processor threads of one {@link Workload} and the attempts waiting for them, in one queue per
 * priority taken by weight ({@link WeightedQueue}): a free thread takes the next attempt the
 * weights pick, not the one submitted first.
 *
 * @param <T> what waits for a thread
 */
final class ProcessorPool<T> {

  private final WeightedQueue<T> waiting;
  private final ThreadPoolExecutor threads;
  private final Consumer<T> run;

  /**
   * @param name the threads' name prefix
   * @param size how many threads
   * @param run what a thread does with the attempt it takes
   */
  ProcessorPool(String name, int size, Map<Priority, Integer> weights, Consumer<T> run) {
    this.waiting = new WeightedQueue<>(weights);
    this.run = run;
    AtomicInteger counter = new AtomicInteger();
    // Unbounded queue: the intake throttle bounds what is taken off Kafka.
    this.threads =
        new ThreadPoolExecutor(
            size,
            size,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            runnable -> new Thread(runnable, name + "-" + counter.incrementAndGet()));
  }

  void submit(Priority priority, T item) {
    waiting.add(priority, item);
    // One pool task per queued attempt; the weights, not the pool, decide which attempt it runs.
    threads.execute(this::runNext);
  }

  private void runNext() {
    T next = waiting.poll();
    if (next != null) {
      run.accept(next);
    }
  }

  int size() {
    return threads.getMaximumPoolSize();
  }

  int waiting(Priority priority) {
    return waiting.size(priority);
  }

  /** Attempts running or waiting. */
  int busy() {
    return threads.getActiveCount() + threads.getQueue().size();
  }

  void shutdown() {
    threads.shutdown();
  }

  boolean awaitTermination(long nanos) throws InterruptedException {
    return threads.awaitTermination(nanos, TimeUnit.NANOSECONDS);
  }

  void shutdownNow() {
    threads.shutdownNow();
  }
}
