package io.findoc.batch.coordinator.store;

import io.findoc.batch.common.message.Priority;
import org.jdbi.v3.core.Jdbi;

/** What JDBI needs to know beyond its defaults about our column types. */
public final class StoreMappers {

  private StoreMappers() {}

  /** Registers the mappers on {@code jdbi}: priorities are stored in lower case. */
  public static Jdbi register(Jdbi jdbi) {
    return jdbi.registerColumnMapper(
        Priority.class, (rs, column, ctx) -> Priority.parse(rs.getString(column)));
  }
}
