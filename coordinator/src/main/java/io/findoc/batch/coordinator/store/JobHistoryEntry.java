package io.findoc.batch.coordinator.store;

import io.findoc.batch.common.state.JobState;
import java.time.Instant;

/**
 * One line of a job's history: a change of state, or an action that kept it ({@code fromState}
 * equal to {@code toState}).
 *
 * @param fromState null for the job's first line, its submission
 * @param actor who did it: the tenant that asked, or {@code coordinator} for changes it made itself
 * @param detail why, or what changed, where that is not obvious
 */
public record JobHistoryEntry(
    Instant at, JobState fromState, JobState toState, String actor, String detail) {}
