package io.findoc.batch.coordinator.config;

/**
 * The name of this coordinator process among the others sharing the database and the broker: its
 * host (the pod's name in Kubernetes) and its pid. It marks what this process claims (dispatch
 * rounds) and names its status consumer in the consumer group, so an operator, or a fault test, can
 * tell which coordinator holds which status partitions.
 */
public final class CoordinatorInstance {

  private static final String NAME =
      System.getenv().getOrDefault("HOSTNAME", "coordinator") + "/" + ProcessHandle.current().pid();

  private CoordinatorInstance() {}

  /** {@code <host>/<pid>}. */
  public static String name() {
    return NAME;
  }

  /** The name as a Kafka client id: {@code <host>-<pid>}, other characters replaced by '-'. */
  public static String clientId() {
    return NAME.replaceAll("[^A-Za-z0-9._-]", "-");
  }
}
