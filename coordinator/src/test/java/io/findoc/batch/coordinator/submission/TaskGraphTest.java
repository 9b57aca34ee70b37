package io.findoc.batch.coordinator.submission;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskGraphTest {

  /** A graph of the given edges, each {prerequisite, dependant}. */
  private static TaskGraph graphOf(int[]... edges) {
    TaskGraph graph = new TaskGraph();
    for (int[] edge : edges) {
      graph.add(edge[0], edge[1]);
    }
    return graph;
  }

  @Test
  void aDiamondHasNoCycle() {
    TaskGraph graph = graphOf(new int[][] {{1, 2}, {1, 3}, {2, 4}, {3, 4}});

    assertThat(graph.findCycle()).isEmpty();
  }

  @Test
  void aCycleIsNamedInTheOrderItsTasksWaitForEachOther() {
    TaskGraph graph = graphOf(new int[][] {{1, 2}, {2, 3}, {3, 1}, {3, 4}});

    assertThat(graph.findCycle()).containsExactly(1, 2, 3);
  }

  @Test
  void aCycleBehindAChainIsFoundToo() {
    TaskGraph graph = graphOf(new int[][] {{7, 5}, {5, 6}, {6, 5}});

    assertThat(graph.findCycle()).containsExactlyInAnyOrder(5, 6);
  }
}
