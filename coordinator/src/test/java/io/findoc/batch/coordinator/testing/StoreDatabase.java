package io.findoc.batch.coordinator.testing;

import io.findoc.batch.common.state.TaskState;
import io.findoc.batch.coordinator.store.AttachedStores;
import io.findoc.batch.coordinator.store.JobStore;
import io.findoc.batch.coordinator.store.NewJob;
import io.findoc.batch.coordinator.store.StoreMappers;
import io.findoc.batch.coordinator.store.TaskStore;
import io.findoc.batch.devstack.TestInfrastructure;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * A database of its own on the shared test server, migrated as the coordinator migrates it, with
 * JDBI set up as the coordinator sets it up, and no Spring, broker or coordinator: for the contract
 * tests of the stores, which call their statements directly.
 */
public final class StoreDatabase {

  /** The tenant the jobs belong to. */
  public static final String TENANT = "acme";

  private final Jdbi jdbi;

  private StoreDatabase(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** A new, migrated database. */
  public static StoreDatabase migrated() {
    TestInfrastructure.Database db = TestInfrastructure.newDatabase();
    Flyway.configure()
        .dataSource(db.url(), db.user(), db.password())
        .locations("classpath:db/migration")
        .load()
        .migrate();
    Jdbi jdbi =
        Jdbi.create(db.url(), db.user(), db.password())
            .installPlugin(new SqlObjectPlugin())
            .installPlugin(new PostgresPlugin());
    jdbi.useHandle(h -> h.execute("INSERT INTO tenant (id, name) VALUES (?, ?)", TENANT, TENANT));
    return new StoreDatabase(StoreMappers.register(jdbi));
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  /**
   * A QUEUED job of {@code tasks} PENDING tasks (numbers 1 to {@code tasks}, first attempts), each
   * allowed {@code maxAttempts} attempts; {@code onFailure} is {@code complete} or {@code
   * rollback}.
   */
  public UUID job(int tasks, int maxAttempts, String onFailure) {
    UUID id = UUID.randomUUID();
    jdbi.useTransaction(
        handle -> {
          AttachedStores.of(handle, JobStore.class)
              .insert(
                  new NewJob(
                      id,
                      TENANT,
                      "job",
                      "normal",
                      "noop",
                      "{}",
                      "{}",
                      maxAttempts,
                      "QUEUED",
                      "FIFO",
                      false,
                      tasks,
                      null,
                      null,
                      null,
                      null,
                      null,
                      false,
                      onFailure));
          handle
              .createUpdate(
                  "INSERT INTO task (job_id, number, document_ref, document)"
                      + " SELECT :id, n, 'd' || n, '{}' FROM generate_series(1, :tasks) n")
              .bind("id", id)
              .bind("tasks", tasks)
              .execute();
        });
    return id;
  }

  /** The state of one task. */
  public TaskState state(UUID job, int number) {
    return task(job, number).state();
  }

  /** One task's row. */
  public io.findoc.batch.coordinator.store.TaskRow task(UUID job, int number) {
    return jdbi.withExtension(TaskStore.class, tasks -> tasks.find(job, number)).orElseThrow();
  }

  /** A column of one task, as text (null stays null). */
  public String column(UUID job, int number, String column) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT CAST(" + column + " AS text) FROM task WHERE job_id = ? AND number = ?")
                .bind(0, job)
                .bind(1, number)
                .mapTo(String.class)
                .findOne()
                .orElse(null));
  }

  /**
   * Worker reports on the given tasks of {@code job}, all of attempt {@code attempt}, from worker
   * {@code w1}: started and finished now, result {@code {}}, error {@code E} (retryable reports due
   * at {@code notBefore}).
   */
  public static TaskStore.Reports reports(
      UUID job, int attempt, Instant notBefore, int... numbers) {
    int n = numbers.length;
    String now = Instant.now().toString();
    return new TaskStore.Reports(
        fill(new UUID[n], job),
        numbers,
        Arrays.stream(numbers).map(i -> attempt).toArray(),
        fill(new String[n], "w1"),
        fill(new String[n], now),
        fill(new String[n], now),
        fill(new String[n], "{}"),
        fill(new String[n], "E"),
        fill(new String[n], "it failed"),
        fill(new String[n], notBefore.toString()),
        fill(new String[n], (String) null));
  }

  /** As {@link #reports(UUID, int, Instant, int...)}, retries due at once. */
  public static TaskStore.Reports reports(UUID job, int attempt, int... numbers) {
    return reports(job, attempt, Instant.now(), numbers);
  }

  private static <T> T[] fill(T[] array, T value) {
    Arrays.fill(array, value);
    return array;
  }
}
