package io.findoc.batch.coordinator.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskWriterTest {

  @Test
  void copyTextFormatEscapesBackslashTabAndLineBreaks() {
    StringBuilder out = new StringBuilder();
    TaskWriter.appendEscaped(out, "a\\b\tc\nd\re \"f\"");

    assertThat(out).hasToString("a\\\\b\\tc\\nd\\re \"f\"");
  }
}
