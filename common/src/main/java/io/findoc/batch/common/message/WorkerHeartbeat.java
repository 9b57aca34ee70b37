package io.findoc.batch.common.message;

import java.time.Instant;
import java.util.Map;

/**
 * A worker's periodic account of itself, on the compacted workers topic keyed by worker id; a
 * stopping worker leaves a tombstone. Coordinators read the latest of each worker for the live
 * workers of the metrics API.
 *
 * @param version the message format version, {@link #VERSION} for this record
 * @param worker the worker's id, as it signs its reports
 * @param host the host name the worker runs on
 * @param at when the worker sent this, by its clock
 * @param threads processor threads
 * @param inFlight tasks taken off Kafka and not yet reported done, by priority wire name
 * @param processCpu the worker process's share of the machine's CPU, 0 to 1 (negative if unknown)
 * @param heapUsedBytes heap in use after the last collection (live data)
 * @param heapMaxBytes the most heap the worker may use
 * @param intakeHeld whether the worker holds its intake because CPU or heap passed the ceiling
 * @param intake whether it takes tasks: {@link WorkerIntake#TAKING}, or drained by an operator
 *     ({@link WorkerIntake#DRAINING} while its tasks finish, then {@link WorkerIntake#DRAINED});
 *     absent from workers that predate draining
 */
public record WorkerHeartbeat(
    int version,
    String worker,
    String host,
    Instant at,
    int threads,
    Map<String, Integer> inFlight,
    double processCpu,
    long heapUsedBytes,
    long heapMaxBytes,
    boolean intakeHeld,
    WorkerIntake intake) {

  public static final int VERSION = 1;
}
