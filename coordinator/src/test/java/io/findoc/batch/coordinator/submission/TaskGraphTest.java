package io.findoc.batch.coordinator.submission;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskGraphTest {

  @Test
  void aDiamondHasNoCycle() {
    TaskGraph graph = new TaskGraph();
    graph.add(1, 2);
    graph.add(1, 3);
    graph.add(2, 4);
    graph.add(3, 4);

    assertThat(graph.findCycle()).isEmpty();
  }

  @Test
  void aCycleIsNamedInTheOrderItsTasksWaitForEachOther() {
    TaskGraph graph = new TaskGraph();
    graph.add(1, 2);
    graph.add(2, 3);
    graph.add(3, 1);
    graph.add(3, 4);

    assertThat(graph.findCycle()).containsExactly(1, 2, 3);
  }

  @Test
  void aCycleBehindAChainIsFoundToo() {
    TaskGraph graph = new TaskGraph();
    graph.add(7, 5);
    graph.add(5, 6);
    graph.add(6, 5);

    assertThat(graph.findCycle()).containsExactlyInAnyOrder(5, 6);
  }
}
