package io.findoc.batch.coordinator.testing;

import org.jdbi.v3.core.Jdbi;

/**
 * A fault injected into the database: a trigger that refuses updates of task rows that match a
 * condition, raising an error with a given SQL state, until closed. Use it in try-with-resources.
 */
public final class RefusedTaskUpdates implements AutoCloseable {

  private final Jdbi jdbi;
  private final String name;

  private RefusedTaskUpdates(Jdbi jdbi, String name) {
    this.jdbi = jdbi;
    this.name = name;
  }

  /**
   * Refuses every update of a task row for which {@code condition} (PL/pgSQL over {@code NEW} and
   * {@code OLD}) holds, raising {@code message} with SQL state {@code sqlState} ({@code P0001}, a
   * raised exception, says nothing about the row; class {@code 22} names its data).
   */
  public static RefusedTaskUpdates where(
      Jdbi jdbi, String name, String condition, String sqlState, String message) {
    jdbi.useHandle(
        h ->
            h.execute(
                "CREATE FUNCTION "
                    + name
                    + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF "
                    + condition
                    + " THEN RAISE EXCEPTION '"
                    + message
                    + "' USING ERRCODE = '"
                    + sqlState
                    + "'; END IF; RETURN NEW; END $$;"
                    + " CREATE TRIGGER "
                    + name
                    + " BEFORE UPDATE ON task FOR EACH ROW EXECUTE FUNCTION "
                    + name
                    + "()"));
    return new RefusedTaskUpdates(jdbi, name);
  }

  @Override
  public void close() {
    jdbi.useHandle(
        h -> h.execute("DROP TRIGGER " + name + " ON task; DROP FUNCTION " + name + "()"));
  }
}
