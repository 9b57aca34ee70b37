package io.findoc.batch.common.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TaskIdTest {

  @Test
  void textFormRoundTrips() {
    TaskId id = new TaskId(JobId.random(), 42);
    assertThat(TaskId.parse(id.toString())).isEqualTo(id);
  }

  @Test
  void malformedTextIsRejectedWithTheText() {
    assertThatThrownBy(() -> TaskId.parse("nope")).hasMessageContaining("'nope'");
    assertThatThrownBy(() -> TaskId.parse(JobId.random() + "/x")).hasMessageContaining("/x'");
    assertThatThrownBy(() -> new TaskId(JobId.random(), 0)).hasMessageContaining("start at 1");
  }
}
