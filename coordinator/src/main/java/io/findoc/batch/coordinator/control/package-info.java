/**
 * What operators do to running jobs: pause, resume, cancel and a new priority. Each is a guarded
 * state change in the database, recorded in the job's history, then a signal on the control topic
 * that every worker reads.
 */
package io.findoc.batch.coordinator.control;
