package io.findoc.batch.coordinator.store;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Dispatch rounds between their claim and the broker's acknowledgement of every message: the record
 * that lets a round claimed by a coordinator that then died, or that the broker refused, be
 * published again. Durations are PostgreSQL intervals (such as {@code 30000 milliseconds}).
 */
@UseClasspathSqlLocator
@RegisterConstructorMapper(ClaimedTask.class)
public interface DispatchRoundStore {

  /** Records the attempts a round claimed; it is due again after {@code publishTime}. */
  @SqlQuery
  long open(
      @Bind("claimedBy") String claimedBy,
      @Bind("publishTime") String publishTime,
      @Bind("jobIds") UUID[] jobIds,
      @Bind("numbers") int[] numbers,
      @Bind("attempts") int[] attempts);

  /** The round is published: forgets it. */
  @SqlUpdate
  void close(@Bind("id") long id);

  /** Publishing the round failed: it is due again after {@code delay}. */
  @SqlUpdate
  void postpone(@Bind("id") long id, @Bind("delay") String delay);

  /**
   * Takes over the oldest round past its retry time, if any; the caller has {@code publishTime} to
   * publish it before it is due again.
   */
  @SqlQuery
  Optional<Long> takeDue(
      @Bind("claimedBy") String claimedBy, @Bind("publishTime") String publishTime);

  /** The attempts of round {@code id} that are still QUEUED, which it must publish again. */
  @SqlQuery
  List<ClaimedTask> stillQueued(@Bind("id") long id);
}
