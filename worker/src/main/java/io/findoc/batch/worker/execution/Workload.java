package io.findoc.batch.worker.execution;

/**
 * What a processor's attempts spend their time on, which decides the pool they run on ({@link
 * Processor#workload()}).
 */
public enum Workload {
  /**
   * Computing, as the analyser does: the attempts run on as many threads as the process may use
   * cores ({@code findoc.worker.cpu-threads}); more threads would only queue for the cores and slow
   * each other down.
   */
  CPU,
  /**
   * Waiting, on the network, a disk or another service: the attempts run on a larger pool ({@code
   * findoc.worker.threads}), since a waiting thread leaves its core to others.
   */
  IO
}
