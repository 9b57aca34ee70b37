package io.findoc.batch.loadtests.bench.sampling;

/**
 * A daemon thread that takes a sample every {@code periodMs} until it is closed; the samplers take
 * their first sample themselves when they start, so the series begins at once.
 */
final class SamplingThread implements AutoCloseable {

  private final Thread thread;

  private SamplingThread(String name, long periodMs, Runnable sample) {
    this.thread =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                try {
                  Thread.sleep(periodMs);
                } catch (InterruptedException e) {
                  return;
                }
                sample.run();
              }
            },
            name);
    thread.setDaemon(true);
  }

  static SamplingThread start(String name, long periodMs, Runnable sample) {
    SamplingThread sampling = new SamplingThread(name, periodMs, sample);
    sampling.thread.start();
    return sampling;
  }

  /** Stops the sampling, waiting up to two seconds for a sample under way. */
  @Override
  public void close() {
    thread.interrupt();
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
