package io.findoc.batch.loadtests.bench.sampling;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Transactions committed in the product's database ({@code pg_stat_database.xact_commit}): the
 * delta over a run, divided by its tasks, is the database transactions per task. The statistics are
 * flushed by each backend at the end of its transactions, at most every second or so, so a reading
 * is taken after a short pause. The WAL position, read before and after, gives the WAL bytes per
 * task.
 */
public final class PgCounters {

  private final String url;
  private final String user;
  private final String password;

  public PgCounters(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  /**
   * The server's write-ahead log position in bytes (-1 if it cannot be read): the difference of two
   * readings is the WAL written between them, by every database of the server.
   */
  public long walBytes() {
    try (Connection c = DriverManager.getConnection(url, user, password);
        PreparedStatement q =
            c.prepareStatement("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint");
        ResultSet rs = q.executeQuery()) {
      return rs.next() ? rs.getLong(1) : -1;
    } catch (SQLException e) {
      System.out.println("  (no WAL position: " + e.getMessage() + ")");
      return -1;
    }
  }

  /** Committed transactions of the current database so far (-1 if it cannot be read). */
  public long commits() {
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      // A fresh snapshot of the statistics, not the one cached in this transaction.
      try (PreparedStatement clear = c.prepareStatement("SELECT pg_stat_clear_snapshot()")) {
        clear.execute();
      }
      try (PreparedStatement q =
              c.prepareStatement(
                  "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()");
          ResultSet rs = q.executeQuery()) {
        return rs.next() ? rs.getLong(1) : -1;
      }
    } catch (SQLException e) {
      System.out.println("  (no database statistics: " + e.getMessage() + ")");
      return -1;
    }
  }
}
