package io.findoc.batch.common.topic;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;

/** Asks the Kafka cluster who it is, within a time limit: the broker health check of every app. */
public final class BrokerProbe {

  /** What the cluster answered. */
  public record Cluster(String id, int brokers) {}

  private BrokerProbe() {}

  /**
   * @throws TimeoutException if the cluster did not answer within {@code timeout}
   * @throws ExecutionException if the request failed
   */
  public static Cluster describe(Admin admin, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    long millis = timeout.toMillis();
    DescribeClusterResult cluster =
        admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) millis));
    String id = cluster.clusterId().get(millis, TimeUnit.MILLISECONDS);
    int brokers = cluster.nodes().get(millis, TimeUnit.MILLISECONDS).size();
    return new Cluster(id, brokers);
  }
}
