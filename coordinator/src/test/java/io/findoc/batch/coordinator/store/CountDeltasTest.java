package io.findoc.batch.coordinator.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.findoc.batch.common.state.TaskState;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CountDeltasTest {

  @Test
  void movesAreSummedPerJobAndPendingIsNotCounted() {
    UUID a = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    UUID b = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    CountDeltas deltas = new CountDeltas();
    deltas.move(b, TaskState.PENDING, TaskState.QUEUED);
    deltas.move(a, TaskState.QUEUED, TaskState.RUNNING);
    deltas.move(a, TaskState.RUNNING, TaskState.SUCCEEDED);
    deltas.move(a, TaskState.PENDING, TaskState.FAILED);

    assertThat(deltas.ids()).containsExactly(a, b);
    assertThat(deltas.queued()).containsExactly(-1, 1);
    assertThat(deltas.running()).containsExactly(0, 0);
    assertThat(deltas.succeeded()).containsExactly(1, 0);
    assertThat(deltas.failed()).containsExactly(1, 0);
    assertThat(deltas.moves()).isEqualTo(4);
  }
}
