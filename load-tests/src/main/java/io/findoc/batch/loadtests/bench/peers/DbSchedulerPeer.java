package io.findoc.batch.loadtests.bench.peers;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariDataSource;
import io.findoc.batch.loadtests.bench.ScratchDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * db-scheduler with its table in the database {@code peer_dbscheduler}: one-time tasks, as many
 * executor threads as FinDoc has processor threads, the PostgreSQL lock-and-fetch polling strategy
 * ({@code SELECT ... FOR UPDATE SKIP LOCKED}, refilling when fewer than half the threads are busy,
 * up to one batch of executions per thread), immediate execution of newly scheduled tasks and a
 * short polling interval, as its documentation recommends for throughput; tasks scheduled with
 * {@code scheduleBatch}. Done = the table is empty (a one-time task's row is deleted when it
 * completes).
 */
final class DbSchedulerPeer implements Peer {

  private static final Duration POLLING_INTERVAL = Duration.ofMillis(100);
  private static final int BATCH = 10_000;

  private final HikariDataSource database;
  private final Scheduler scheduler;
  private final OneTimeTask<Void> noop;
  private final OneTimeTask<String> analyse;
  private final int threads;

  DbSchedulerPeer(String adminUrl, int threads) throws SQLException, IOException {
    this.threads = threads;
    this.database = ScratchDatabase.freshPool(adminUrl, "peer_dbscheduler", threads + 4);
    try (InputStream ddl = getClass().getResourceAsStream("db-scheduler-postgresql.sql");
        Connection c = database.getConnection();
        Statement st = c.createStatement()) {
      st.execute(new String(ddl.readAllBytes(), StandardCharsets.UTF_8));
    }
    this.noop = Tasks.oneTime("noop").execute((instance, context) -> PeerWork.noop());
    this.analyse =
        Tasks.oneTime("analyse", String.class)
            .execute((instance, context) -> PeerWork.analyse(instance.getData()));
    this.scheduler =
        Scheduler.create(database, noop, analyse)
            .threads(threads)
            .pollUsingLockAndFetch(0.5, 1.0)
            .pollingInterval(POLLING_INTERVAL)
            .enableImmediateExecution()
            .build();
    scheduler.start();
  }

  @Override
  public String name() {
    return "db-scheduler";
  }

  @Override
  public String configuration() {
    return "db-scheduler "
        + Peer.versionOf(Scheduler.class, "com.github.kagkarlsson", "db-scheduler")
        + ": HikariCP pool of "
        + (threads + 4)
        + ", threads("
        + threads
        + "), pollUsingLockAndFetch(0.5, 1.0), pollingInterval("
        + POLLING_INTERVAL.toMillis()
        + " ms), enableImmediateExecution(), one-time tasks scheduled with scheduleBatch in"
        + " batches of "
        + BATCH;
  }

  @Override
  public PeerTiming noop(int tasks) throws Exception {
    List<TaskInstance<?>> instances = new ArrayList<>(tasks);
    for (int i = 0; i < tasks; i++) {
      instances.add(noop.instance("d" + i + "-" + System.nanoTime()));
    }
    return run(instances);
  }

  @Override
  public PeerTiming documents(List<String> uris) throws Exception {
    List<TaskInstance<?>> instances = new ArrayList<>(uris.size());
    for (int i = 0; i < uris.size(); i++) {
      instances.add(analyse.instance("d" + i + "-" + System.nanoTime(), uris.get(i)));
    }
    return run(instances);
  }

  private PeerTiming run(List<TaskInstance<?>> instances)
      throws InterruptedException, SQLException {
    long doneBefore = PeerWork.DONE.get();
    long t0 = System.nanoTime();
    Instant now = Instant.now();
    for (int from = 0; from < instances.size(); from += BATCH) {
      scheduler.scheduleBatch(
          instances.subList(from, Math.min(instances.size(), from + BATCH)), now);
    }
    long submitted = System.nanoTime();
    PeerWork.awaitDone(doneBefore + instances.size(), 30);
    while (remaining() > 0) {
      Thread.sleep(20);
    }
    long done = System.nanoTime();
    return new PeerTiming((submitted - t0) / 1e9, (done - t0) / 1e9);
  }

  private long remaining() throws SQLException {
    try (Connection c = database.getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM scheduled_tasks")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Override
  public void close() {
    scheduler.stop();
    database.close();
  }
}
