package io.findoc.batch.coordinator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JobCursorTest {

  @Test
  void cursorRoundTripsToTheMicrosecond() {
    JobCursor cursor =
        new JobCursor(Instant.parse("2026-11-28T10:15:30.123456Z"), UUID.randomUUID());

    assertThat(JobCursor.decode(cursor.encode())).isEqualTo(cursor);
  }

  @Test
  void foreignCursorIsRejectedNamingTheParameter() {
    assertThatThrownBy(() -> JobCursor.decode("bm9wZQ"))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageStartingWith("cursor: ");
  }
}
