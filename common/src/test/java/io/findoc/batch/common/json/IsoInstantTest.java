package io.findoc.batch.common.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

class IsoInstantTest {

  private static final ObjectMapper MAPPER = Json.mapper();

  record Stamped(
      @JsonSerialize(using = IsoInstant.Writer.class)
          @JsonDeserialize(using = IsoInstant.Reader.class)
          Instant at) {}

  @Test
  void writesWhatInstantToStringWrites() {
    Random random = new Random(20);
    long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    for (int i = 0; i < 100_000; i++) {
      long seconds = min + (long) (random.nextDouble() * (max - min));
      int nanos =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
          };
      Instant instant = Instant.ofEpochSecond(seconds, nanos);
      assertThat(IsoInstant.format(instant)).isEqualTo(instant.toString());
      assertThat(IsoInstant.parseOrNull(instant.toString())).isEqualTo(instant);
    }
  }

  @Test
  void writesTheEdgesOfTheRangeAndBeyondAsTheFormatterDoes() {
    for (String text :
        new String[] {
          "0000-01-01T00:00:00Z",
          "1970-01-01T00:00:00Z",
          "1969-12-31T23:59:59.999999999Z",
          "2024-02-29T12:00:00.100Z",
          "9999-12-31T23:59:59.000001Z",
          "+10000-01-01T00:00:00Z",
          "-0001-12-31T23:59:59Z"
        }) {
      Instant instant = Instant.parse(text);
      assertThat(IsoInstant.format(instant)).isEqualTo(instant.toString()).isEqualTo(text);
    }
    assertThat(IsoInstant.format(Instant.MIN)).isEqualTo(Instant.MIN.toString());
    assertThat(IsoInstant.format(Instant.MAX)).isEqualTo(Instant.MAX.toString());
  }

  @Test
  void leavesEveryOtherFormToTheSlowerReader() {
    for (String text :
        new String[] {
          "2026-12-07T23:30:22.963+01:00",
          "2026-12-07T23:30:22.1234567890Z",
          "2026-12-07T23:30:22.Z",
          "2026-12-07 23:30:22Z",
          "2026-02-30T00:00:00Z",
          "2026-13-01T00:00:00Z",
          "2026-12-07T24:00:00Z",
          "2026-12-07T23:59:60Z",
          "2026-12-07T23:30:2xZ",
          "+10000-01-01T00:00:00Z",
          "2026-12-07T23:30:22z",
          ""
        }) {
      assertThat(IsoInstant.parseOrNull(text)).as(text).isNull();
    }
  }

  @Test
  void readsWhatJacksonsOwnReaderReadsWhereTheFastOneDeclines() {
    assertThat(MAPPER.readValue("{\"at\":\"2026-12-07T23:30:22.963302738Z\"}", Stamped.class).at())
        .isEqualTo(Instant.parse("2026-12-07T23:30:22.963302738Z"));
    assertThat(MAPPER.readValue("{\"at\":\"2026-12-07T23:30:22.963+01:00\"}", Stamped.class).at())
        .isEqualTo(Instant.parse("2026-12-07T22:30:22.963Z"));
    assertThat(MAPPER.readValue("{\"at\":1700000000.5}", Stamped.class).at())
        .isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 500_000_000));
    assertThat(MAPPER.readValue("{\"at\":null}", Stamped.class).at()).isNull();
  }

  @Test
  void writesTheSameJsonAsJacksonsOwnWriter() {
    Instant instant = Instant.parse("2026-12-07T23:30:22.963302Z");
    record Plain(Instant at) {}
    assertThat(MAPPER.writeValueAsString(new Stamped(instant)))
        .isEqualTo(MAPPER.writeValueAsString(new Plain(instant)))
        .isEqualTo("{\"at\":\"2026-12-07T23:30:22.963302Z\"}");
  }
}
