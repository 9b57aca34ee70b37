package io.findoc.batch.coordinator.store;

/** A document id used more than once in a job, and the number of the task that repeats it. */
public record DuplicateDocument(String documentRef, int number) {}
