package io.findoc.batch.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The broker and database that integration tests run against, started once per test JVM and shared
 * by its test classes: a real in-process KRaft Kafka broker, and a real PostgreSQL server (embedded
 * binaries). Each caller of {@link #newDatabase} gets a database of its own on that server, so test
 * classes do not see each other's rows.
 *
 * <p>Environment variables point the tests at servers that are already running instead: {@code
 * FINDOC_TEST_KAFKA_BOOTSTRAP} ({@code host:port}), and {@code FINDOC_TEST_DB_URL} with {@code
 * FINDOC_TEST_DB_USER} and {@code FINDOC_TEST_DB_PASSWORD} (a user allowed to create databases).
 */
public final class TestInfrastructure {

  /** Where a test's database is. */
  public record Database(String url, String user, String password) {}

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedKafkaKraftBroker broker;
  private static EmbeddedPostgres postgres;

  private TestInfrastructure() {}

  /** The bootstrap address of the shared broker, starting it on first use. */
  public static synchronized String kafkaBootstrap() {
    String given = System.getenv("FINDOC_TEST_KAFKA_BOOTSTRAP");
    if (given != null && !given.isBlank()) {
      return given;
    }
    if (broker == null) {
      EmbeddedKafkaKraftBroker started = new EmbeddedKafkaKraftBroker(1, 1);
      started.brokerProperties(
          Map.of(
              "group.initial.rebalance.delay.ms", "0",
              "auto.create.topics.enable", "false",
              "log.flush.interval.messages", Long.toString(Long.MAX_VALUE)));
      started.afterPropertiesSet();
      Runtime.getRuntime().addShutdownHook(new Thread(started::destroy));
      broker = started;
    }
    return broker.getBrokersAsString();
  }

  /** A new, empty database on the shared server, starting the server on first use. */
  public static synchronized Database newDatabase() {
    String name =
        "findoc_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    String url = System.getenv("FINDOC_TEST_DB_URL");
    try {
      if (url != null && !url.isBlank()) {
        String user = System.getenv().getOrDefault("FINDOC_TEST_DB_USER", "postgres");
        String password = System.getenv().getOrDefault("FINDOC_TEST_DB_PASSWORD", "");
        try (Connection c = DriverManager.getConnection(url, user, password)) {
          createDatabase(c, name);
        }
        return new Database(url.substring(0, url.lastIndexOf('/') + 1) + name, user, password);
      }
      EmbeddedPostgres server = embeddedPostgres();
      try (Connection c = server.getPostgresDatabase().getConnection()) {
        createDatabase(c, name);
      }
      return new Database(server.getJdbcUrl("postgres", name), "postgres", "postgres");
    } catch (SQLException e) {
      throw new IllegalStateException("could not create the test database " + name, e);
    }
  }

  private static EmbeddedPostgres embeddedPostgres() {
    if (postgres == null) {
      try {
        EmbeddedPostgres started =
            EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start();
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      try {
                        started.close();
                      } catch (IOException e) {
                        System.err.println("embedded PostgreSQL did not stop cleanly: " + e);
                      }
                    }));
        postgres = started;
      } catch (IOException e) {
        throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
      }
    }
    return postgres;
  }

  private static void createDatabase(Connection admin, String name) throws SQLException {
    try (Statement st = admin.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    }
  }
}
