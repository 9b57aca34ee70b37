package io.findoc.batch.loadtests.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A database of its own for a peer or the lean ceiling on the stack's PostgreSQL server, made anew
 * for each run (so it never touches FinDoc's tables, and FinDoc's transaction counts stay its own).
 * Its user is the superuser {@code postgres} of the embedded server.
 */
public final class ScratchDatabase {

  /** The user of the scratch databases. */
  public static final String USER = "postgres";

  /** Its password (none, on the embedded server). */
  public static final String PASSWORD = "";

  private ScratchDatabase() {}

  /**
   * Drops and creates the database {@code name} through {@code adminUrl} (a superuser connection)
   * and answers its JDBC URL.
   */
  public static String fresh(String adminUrl, String name) throws SQLException {
    try (Connection admin = DriverManager.getConnection(adminUrl, USER, PASSWORD);
        Statement st = admin.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      st.execute("CREATE DATABASE " + name);
    }
    return adminUrl.replaceFirst("/[^/?]+(\\?.*)?$", "/" + name);
  }

  /**
   * A fresh database {@code name} (see {@link #fresh(String, String)}) behind a pool of {@code
   * connections}, as the peers' documentation recommends.
   */
  public static HikariDataSource freshPool(String adminUrl, String name, int connections)
      throws SQLException {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(fresh(adminUrl, name));
    config.setUsername(USER);
    config.setPassword(PASSWORD);
    config.setMaximumPoolSize(connections);
    config.setPoolName(name);
    return new HikariDataSource(config);
  }
}
