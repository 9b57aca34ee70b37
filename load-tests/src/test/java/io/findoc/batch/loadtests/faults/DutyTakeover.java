package io.findoc.batch.loadtests.faults;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * Kills a coordinator with {@code kill -9} and times, from the database, how long the survivors
 * take to do each duty the dead one shared (docs/architecture.md, "Deployment and high
 * availability"): the outbox relay (an event relayed after the kill), the webhook deliverer (an
 * attempt recorded after the kill, and every delivery in flight at the kill attempted again or
 * finished), and the dispatch rounds the dead coordinator had claimed and not finished publishing
 * (taken over or closed). Times of the relay and the deliverer are the database's clock, from just
 * before the kill; the rounds' and any other duty's given to {@link #kill(FaultStack, String, Map)}
 * are polled, to 100 ms.
 */
final class DutyTakeover {

  private final FaultStack stack;
  private final long victimPid;
  private final Timestamp killedAt;
  private final long killedNanos;
  private final List<Long> victimRounds;
  private final List<UUID> inFlightDeliveries;
  private final Map<String, Callable<Boolean>> others;

  private DutyTakeover(FaultStack stack, String coordinator, Map<String, Callable<Boolean>> others)
      throws SQLException {
    this.stack = stack;
    this.others = others;
    this.victimPid = stack.pid(coordinator);
    try (Connection db = stack.db()) {
      this.killedAt = timestamp(db, "SELECT clock_timestamp()").orElseThrow();
    }
    this.killedNanos = System.nanoTime();
    stack.signal(coordinator, "KILL");
    try (Connection db = stack.db()) {
      this.victimRounds =
          longs(db, "SELECT id FROM dispatch_round WHERE claimed_by LIKE ?", "%/" + victimPid);
      this.inFlightDeliveries =
          uuids(
              db,
              "SELECT id FROM webhook_delivery"
                  + " WHERE state = 'PENDING' AND claimed_at IS NOT NULL AND due_at > now()");
    }
  }

  /** Kills the coordinator called {@code coordinator} ({@link FaultStack#coordinator}). */
  static DutyTakeover kill(FaultStack stack, String coordinator) throws SQLException {
    return kill(stack, coordinator, Map.of());
  }

  /**
   * Kills the coordinator called {@code coordinator} and times, besides the database duties, each
   * of {@code others}: a duty counts as taken over once its check first holds.
   */
  static DutyTakeover kill(
      FaultStack stack, String coordinator, Map<String, Callable<Boolean>> others)
      throws SQLException {
    return new DutyTakeover(stack, coordinator, others);
  }

  /**
   * Waits up to {@code atMost} until every duty was taken over; returns, per duty, the time after
   * the kill, or empty for one that had nothing to take over (no round or delivery in flight).
   */
  Map<String, Optional<Duration>> await(Duration atMost) throws Exception {
    Map<String, Optional<Duration>> taken = new LinkedHashMap<>();
    long deadline = System.nanoTime() + atMost.toNanos();
    while (System.nanoTime() < deadline) {
      try (Connection db = stack.db()) {
        if (!taken.containsKey("outbox relay")) {
          since(db, "SELECT min(relayed_at) FROM job_event WHERE relayed_at > ?")
              .ifPresent(d -> taken.put("outbox relay", Optional.of(d)));
        }
        if (!taken.containsKey("webhook attempts")) {
          since(db, "SELECT min(last_attempt_at) FROM webhook_delivery WHERE last_attempt_at > ?")
              .ifPresent(d -> taken.put("webhook attempts", Optional.of(d)));
        }
        if (!taken.containsKey("webhooks in flight at the kill")) {
          if (inFlightDeliveries.isEmpty()) {
            taken.put("webhooks in flight at the kill", Optional.empty());
          } else if (deliveriesOpen(db) == 0) {
            taken.put("webhooks in flight at the kill", lastAttemptOfInFlight(db));
          }
        }
        if (!taken.containsKey("dispatch rounds of the dead")) {
          if (victimRounds.isEmpty()) {
            taken.put("dispatch rounds of the dead", Optional.empty());
          } else if (roundsStillClaimed(db) == 0) {
            taken.put(
                "dispatch rounds of the dead",
                Optional.of(Duration.ofNanos(System.nanoTime() - killedNanos)));
          }
        }
      }
      for (Map.Entry<String, Callable<Boolean>> other : others.entrySet()) {
        if (!taken.containsKey(other.getKey()) && holds(other.getValue())) {
          taken.put(other.getKey(), Optional.of(Duration.ofNanos(System.nanoTime() - killedNanos)));
        }
      }
      if (taken.size() == 4 + others.size()) {
        return taken;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("duties not taken over within " + atMost + ": only " + taken);
  }

  private static boolean holds(Callable<Boolean> check) {
    try {
      return check.call();
    } catch (Exception notYet) {
      return false;
    }
  }

  /** How many dispatch rounds were in flight for the dead coordinator at the kill. */
  int victimRounds() {
    return victimRounds.size();
  }

  /** How many webhook deliveries were claimed and unfinished at the kill. */
  int inFlightDeliveries() {
    return inFlightDeliveries.size();
  }

  private long deliveriesOpen(Connection db) throws SQLException {
    try (PreparedStatement statement =
        db.prepareStatement(
            "SELECT count(*) FROM webhook_delivery WHERE id = ANY (?) AND state = 'PENDING'"
                + " AND (last_attempt_at IS NULL OR last_attempt_at <= ?)")) {
      statement.setArray(1, db.createArrayOf("uuid", inFlightDeliveries.toArray()));
      statement.setTimestamp(2, killedAt);
      return single(statement);
    }
  }

  private Optional<Duration> lastAttemptOfInFlight(Connection db) throws SQLException {
    try (PreparedStatement statement =
        db.prepareStatement(
            "SELECT max(last_attempt_at) FROM webhook_delivery WHERE id = ANY (?)")) {
      statement.setArray(1, db.createArrayOf("uuid", inFlightDeliveries.toArray()));
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        Timestamp last = rows.getTimestamp(1);
        return Optional.ofNullable(last).map(this::afterKill);
      }
    }
  }

  private long roundsStillClaimed(Connection db) throws SQLException {
    try (PreparedStatement statement =
        db.prepareStatement(
            "SELECT count(*) FROM dispatch_round WHERE id = ANY (?) AND claimed_by LIKE ?")) {
      Array ids = db.createArrayOf("bigint", victimRounds.toArray());
      statement.setArray(1, ids);
      statement.setString(2, "%/" + victimPid);
      return single(statement);
    }
  }

  private Optional<Duration> since(Connection db, String sql) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      statement.setTimestamp(1, killedAt);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return Optional.ofNullable(rows.getTimestamp(1)).map(this::afterKill);
      }
    }
  }

  private Duration afterKill(Timestamp at) {
    return Duration.between(killedAt.toInstant(), at.toInstant());
  }

  private static long single(PreparedStatement statement) throws SQLException {
    try (ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static Optional<Timestamp> timestamp(Connection db, String sql) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      return rows.next() ? Optional.ofNullable(rows.getTimestamp(1)) : Optional.empty();
    }
  }

  private static List<Long> longs(Connection db, String sql, String parameter) throws SQLException {
    List<Long> values = new ArrayList<>();
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      statement.setString(1, parameter);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getLong(1));
        }
      }
    }
    return values;
  }

  private static List<UUID> uuids(Connection db, String sql) throws SQLException {
    List<UUID> values = new ArrayList<>();
    try (PreparedStatement statement = db.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        values.add(rows.getObject(1, UUID.class));
      }
    }
    return values;
  }
}
