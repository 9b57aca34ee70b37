/**
 * Changes of a job's course: what operators do (pause, resume, cancel, a new priority), and what
 * its dependencies decide (start once they completed, cancel if one did not). Each is a guarded
 * state change in the database, recorded in the job's history; pause and cancel are then signalled
 * on the control topic that every worker reads.
 */
package io.findoc.batch.coordinator.control;
