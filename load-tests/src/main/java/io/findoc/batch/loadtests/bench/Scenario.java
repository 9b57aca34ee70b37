package io.findoc.batch.loadtests.bench;

import java.util.Map;

/** One benchmark scenario: runs against the stack, writes its files, answers its figures. */
public interface Scenario {

  /** The name in {@code --scenario} and in its {@code RESULT} line. */
  String name();

  /**
   * Warms up, measures, prints its table rows and writes its CSV and HTML files.
   *
   * @return the figures of its {@code RESULT} line, in order
   */
  Map<String, Object> run(BenchRun run) throws Exception;

  /**
   * Whether the harness drains the stack before it and samples the processes during it (every
   * scenario but the one that sums the samples up).
   */
  default boolean sampled() {
    return true;
  }
}
