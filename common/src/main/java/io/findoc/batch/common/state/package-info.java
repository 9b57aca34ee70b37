/**
 * The three state machines: {@link io.findoc.batch.common.state.JobState}, {@link
 * io.findoc.batch.common.state.TaskState} and {@link
 * io.findoc.batch.common.state.CompensationState}, each with its one transition table.
 */
package io.findoc.batch.common.state;
