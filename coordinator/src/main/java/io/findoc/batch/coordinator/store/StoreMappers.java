package io.findoc.batch.coordinator.store;

import io.findoc.batch.common.id.Uuids;
import io.findoc.batch.common.message.Priority;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** What JDBI needs to know beyond its defaults about our column types. */
public final class StoreMappers {

  private StoreMappers() {}

  /**
   * Registers the mappers on {@code jdbi}: priorities are stored in lower case; a UUID is taken as
   * the driver reads it (from the 16 bytes of a binary result), not written out as text and parsed
   * again, as JDBI's own mapper does: the batch statements return a job id per task.
   */
  public static Jdbi register(Jdbi jdbi) {
    return jdbi.registerColumnMapper(
            Priority.class, (rs, column, ctx) -> Priority.parse(rs.getString(column)))
        .registerColumnMapper(UUID.class, (rs, column, ctx) -> uuid(rs.getObject(column)));
  }

  private static UUID uuid(Object value) {
    if (value == null || value instanceof UUID) {
      return (UUID) value;
    }
    return Uuids.parse(value.toString());
  }
}
