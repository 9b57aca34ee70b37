package io.findoc.batch.coordinator.submission;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dependencies between the tasks of one job, as edges from a prerequisite to its dependant; it
 * finds a cycle, which would leave its tasks waiting for ever. Holds only the tasks that take part
 * in a dependency.
 */
final class TaskGraph {

  private final Map<Integer, List<Integer>> dependants = new HashMap<>();
  private final Map<Integer, Integer> prerequisites = new HashMap<>();

  void add(int dependsOn, int number) {
    dependants.computeIfAbsent(dependsOn, n -> new ArrayList<>()).add(number);
    dependants.computeIfAbsent(number, n -> new ArrayList<>());
    prerequisites.merge(number, 1, Integer::sum);
  }

  /**
   * A cycle of task numbers, lowest first, each depending on the one before it and the first on the
   * last, or an empty list if there is none.
   */
  List<Integer> findCycle() {
    Map<Integer, Integer> waiting = new HashMap<>(prerequisites);
    Deque<Integer> ready = new ArrayDeque<>();
    for (Integer task : dependants.keySet()) {
      if (!waiting.containsKey(task)) {
        ready.add(task);
      }
    }
    while (!ready.isEmpty()) {
      for (int next : dependants.get(ready.poll())) {
        if (waiting.merge(next, -1, Integer::sum) == 0) {
          waiting.remove(next);
          ready.add(next);
        }
      }
    }
    if (waiting.isEmpty()) {
      return List.of();
    }
    return cycleAmong(waiting.keySet());
  }

  /** Walks back from a task left waiting; every one of them waits on another, so it loops. */
  private List<Integer> cycleAmong(Set<Integer> stuck) {
    Map<Integer, Integer> oneStuckPrerequisite = new HashMap<>();
    for (Map.Entry<Integer, List<Integer>> edge : dependants.entrySet()) {
      if (stuck.contains(edge.getKey())) {
        for (int dependant : edge.getValue()) {
          if (stuck.contains(dependant)) {
            oneStuckPrerequisite.putIfAbsent(dependant, edge.getKey());
          }
        }
      }
    }
    int task = Collections.min(stuck);
    Set<Integer> seen = new HashSet<>();
    while (seen.add(task)) {
      task = oneStuckPrerequisite.get(task);
    }
    List<Integer> cycle = new ArrayList<>();
    int start = task;
    do {
      cycle.add(task);
      task = oneStuckPrerequisite.get(task);
    } while (task != start);
    Collections.reverse(cycle);
    Collections.rotate(cycle, -cycle.indexOf(Collections.min(cycle)));
    return cycle;
  }
}
