package io.findoc.batch.loadtests.bench.peers;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A database of its own for a peer on the stack's PostgreSQL server, made anew for each run (so the
 * peer never touches FinDoc's tables, and FinDoc's transaction counts stay its own), with a
 * connection pool as the peers' documentation recommends.
 */
final class PeerDatabase {

  private PeerDatabase() {}

  /**
   * Drops and creates the database {@code name} through {@code adminUrl} (a superuser: {@code
   * postgres} on the embedded server) and answers a pool of {@code connections} to it.
   */
  static HikariDataSource fresh(String adminUrl, String name, int connections) throws SQLException {
    try (Connection admin = DriverManager.getConnection(adminUrl, "postgres", "");
        Statement st = admin.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      st.execute("CREATE DATABASE " + name);
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(adminUrl.replaceFirst("/[^/?]+(\\?.*)?$", "/" + name));
    config.setUsername("postgres");
    config.setPassword("");
    config.setMaximumPoolSize(connections);
    config.setPoolName(name);
    return new HikariDataSource(config);
  }
}
