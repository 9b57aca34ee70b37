package io.findoc.batch.coordinator.submission;

import io.findoc.batch.coordinator.store.TaskStore;
import io.findoc.batch.coordinator.validation.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The {@code dependsOn} of a submission's documents, collected while they are read and stored once
 * the tasks are: each must name a document of the job, and together they must not form a cycle.
 * Memory grows with the dependencies only, never with the documents.
 */
final class TaskDependencies {

  private final List<Integer> numbers = new ArrayList<>();
  private final List<String> refs = new ArrayList<>();

  /** Task {@code number} depends on the documents {@code dependsOn}. */
  void add(int number, List<String> dependsOn) {
    for (String ref : dependsOn) {
      if (ref != null && !ref.isBlank()) {
        numbers.add(number);
        refs.add(ref);
      }
    }
  }

  boolean isEmpty() {
    return numbers.isEmpty();
  }

  /**
   * Stores them and blocks the dependent tasks, or adds a violation per document (by index) whose
   * dependencies name no document of the job or close a cycle.
   */
  void store(TaskStore tasks, UUID jobId, Map<Integer, List<Violation>> byDocument) {
    int[] numberArray = numbers.stream().mapToInt(Integer::intValue).toArray();
    String[] refArray = refs.toArray(String[]::new);
    List<TaskStore.DocumentReference> unknown =
        tasks.findUnknownDependencies(
            jobId, numberArray, refArray, SubmissionValidator.MAX_REPORTED);
    for (TaskStore.DocumentReference missing : unknown) {
      int index = missing.number() - 1;
      byDocument
          .computeIfAbsent(index, i -> new ArrayList<>())
          .add(
              new Violation(
                  "documents[" + index + "].dependsOn",
                  "no document '" + missing.ref() + "' in this job"));
    }
    if (!unknown.isEmpty()) {
      return;
    }
    tasks.insertDependencies(jobId, numberArray, refArray);
    TaskGraph graph = new TaskGraph();
    tasks.findDependencies(jobId).forEach(d -> graph.add(d.dependsOn(), d.number()));
    List<Integer> cycle = graph.findCycle();
    if (!cycle.isEmpty()) {
      int index = cycle.get(0) - 1;
      byDocument
          .computeIfAbsent(index, i -> new ArrayList<>())
          .add(new Violation("documents[" + index + "].dependsOn", describe(tasks, jobId, cycle)));
      return;
    }
    tasks.blockDependants(jobId);
  }

  private static String describe(TaskStore tasks, UUID jobId, List<Integer> cycle) {
    String path =
        cycle.stream()
            .map(number -> "'" + tasks.find(jobId, number).orElseThrow().documentRef() + "'")
            .collect(Collectors.joining(" -> "));
    return "forms a cycle: "
        + path
        + " -> '"
        + tasks.find(jobId, cycle.get(0)).orElseThrow().documentRef()
        + "'; each waits for the one before it";
  }
}
