package io.findoc.batch.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.findoc.batch.common.message.Priority;
import org.junit.jupiter.api.Test;

class WorkerPropertiesTest {

  @Test
  void weightOfZeroIsRefusedAtStartupNamingTheProperty() {
    assertThatThrownBy(() -> new WorkerProperties.Weights(6, 3, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("findoc.worker.weights.low");
  }

  @Test
  void weightsAreGivenByPriority() {
    assertThat(new WorkerProperties.Weights(6, 3, 1).asMap())
        .containsEntry(Priority.HIGH, 6)
        .containsEntry(Priority.NORMAL, 3)
        .containsEntry(Priority.LOW, 1);
  }
}
