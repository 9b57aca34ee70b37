/**
 * The two state machines: {@link io.findoc.batch.common.state.JobState} and {@link
 * io.findoc.batch.common.state.TaskState}, each with its one transition table.
 */
package io.findoc.batch.common.state;
