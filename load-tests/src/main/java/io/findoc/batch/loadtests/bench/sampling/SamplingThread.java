package io.findoc.batch.loadtests.bench.sampling;

/** A daemon thread that takes a sample every {@code periodMs} until it is closed. */
final class SamplingThread implements AutoCloseable {

  private final Thread thread;

  private SamplingThread(String name, long periodMs, Runnable sample, boolean firstAtOnce) {
    this.thread =
        new Thread(
            () -> {
              boolean wait = !firstAtOnce;
              while (!Thread.currentThread().isInterrupted()) {
                if (wait) {
                  try {
                    Thread.sleep(periodMs);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
                wait = true;
                sample.run();
              }
            },
            name);
    thread.setDaemon(true);
  }

  /** Samples at once, on the new thread, then every {@code periodMs}. */
  static SamplingThread nowAndEvery(String name, long periodMs, Runnable sample) {
    return start(new SamplingThread(name, periodMs, sample, true));
  }

  /** Samples every {@code periodMs}, the first after one period (the caller took one already). */
  static SamplingThread every(String name, long periodMs, Runnable sample) {
    return start(new SamplingThread(name, periodMs, sample, false));
  }

  private static SamplingThread start(SamplingThread sampling) {
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
