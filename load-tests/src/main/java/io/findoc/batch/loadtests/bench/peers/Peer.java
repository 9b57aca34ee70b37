package io.findoc.batch.loadtests.bench.peers;

import java.util.List;

/**
 * A job system FinDoc is compared with, run in this JVM against its own database on the same
 * PostgreSQL server, with as many worker threads as FinDoc's workers have in all.
 */
interface Peer extends AutoCloseable {

  String name();

  /** How it is configured for throughput, for the results and the architecture notes. */
  String configuration();

  /** Enqueues {@code tasks} jobs that do nothing and waits until all are recorded as done. */
  PeerTiming noop(int tasks) throws Exception;

  /** Enqueues one job per document that analyses it, and waits until all are recorded done. */
  PeerTiming documents(List<String> uris) throws Exception;

  @Override
  void close();

  /** The version of a library from the Maven metadata in its jar. */
  static String versionOf(Class<?> type, String group, String artifact) {
    String path = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
    try (java.io.InputStream in = type.getResourceAsStream(path)) {
      java.util.Properties properties = new java.util.Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty(
          "version", String.valueOf(type.getPackage().getImplementationVersion()));
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  /**
   * @param submitSeconds enqueuing all jobs
   * @param seconds from the start of enqueuing to the last job recorded as done
   */
  record PeerTiming(double submitSeconds, double seconds) {}
}
