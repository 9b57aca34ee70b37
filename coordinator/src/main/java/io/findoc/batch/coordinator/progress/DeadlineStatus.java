package io.findoc.batch.coordinator.progress;

/** How a job with a deadline stands with it. */
public enum DeadlineStatus {
  /** Finished by its deadline. */
  MET,
  /** Finished after its deadline, or not finished and the deadline has passed. */
  MISSED,
  /** Not finished; at its rate so far it finishes by its deadline (or has no rate yet). */
  ON_TRACK,
  /** Not finished; at its rate so far it finishes after its deadline. */
  AT_RISK
}
