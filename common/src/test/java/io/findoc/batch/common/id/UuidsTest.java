package io.findoc.batch.common.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidsTest {

  @Test
  void readsTheCanonicalFormAsTheJdkDoes() {
    Random random = new Random(20);
    for (int i = 0; i < 100_000; i++) {
      UUID uuid = new UUID(random.nextLong(), random.nextLong());
      assertThat(Uuids.parse(uuid.toString())).isEqualTo(uuid);
      assertThat(Uuids.parse(uuid.toString().toUpperCase())).isEqualTo(uuid);
    }
    assertThat(Uuids.parse("00000000-0000-0000-0000-000000000000")).isEqualTo(new UUID(0, 0));
    assertThat(Uuids.parse("ffffffff-ffff-ffff-ffff-ffffffffffff")).isEqualTo(new UUID(-1, -1));
  }

  @Test
  void answersEveryOtherTextAsTheJdkDoes() {
    for (String text :
        new String[] {
          "1-2-3-4-5",
          "",
          "not a uuid",
          "7966dfe7-3ea5-4d53-87bc-8f7de4ebbd4g",
          "7966dfe7+3ea5-4d53-87bc-8f7de4ebbd47",
          "7966dfe7-3ea5-4d53-87bc-8f7de4ebbd4\u0660",
          "7966dfe7-3ea5-4d53-87bc-8f7de4ebbd477",
          "-7966dfe-3ea5-4d53-87bc-8f7de4ebbd47"
        }) {
      UUID expected;
      try {
        expected = UUID.fromString(text);
      } catch (IllegalArgumentException refused) {
        assertThatThrownBy(() -> Uuids.parse(text))
            .as(text)
            .isInstanceOf(IllegalArgumentException.class);
        continue;
      }
      assertThat(Uuids.parse(text)).as(text).isEqualTo(expected);
    }
    assertThatThrownBy(() -> Uuids.parse(null)).isInstanceOf(NullPointerException.class);
  }
}
