package io.findoc.batch.common.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RawJsonTest {

  private record Carrier(String name, RawJson result) {}

  private final JsonSerde<Carrier> serde = new JsonSerde<>(Carrier.class);

  @Test
  void numbersCrossTheWireDigitForDigit() {
    String result =
        "{\"total\":1234.5600,\"huge\":1e400,\"tiny\":0.1000000000000000055511151231257827}";
    Carrier read = roundTrip("{\"name\":\"a\",\"result\":" + result + "}");
    assertThat(read.result().text()).isEqualTo(result);
    assertThat(read.result().problem()).isNull();
  }

  @Test
  void aResultWrittenFromAMapKeepsItsDecimalsExact() {
    RawJson written = RawJson.of(Map.of("amount", new BigDecimal("6944.62")));
    assertThat(written.text()).isEqualTo("{\"amount\":6944.62}");
    assertThat(serde.deserialize("t", serde.serialize("t", new Carrier("b", written))).result())
        .isEqualTo(written);
  }

  @Test
  void whatPostgresqlRefusesIsNamedWithItsPath() {
    assertThat(roundTrip("{\"result\":{\"a\":[{\"x\":1},{\"k\\u0000\":1}]}}").result().problem())
        .isEqualTo("result.a[1] key has a NUL character at 1");
    assertThat(roundTrip("{\"result\":{\"a\":{\"b\":[\"ok\",\"\\ud800\"]}}}").result().problem())
        .isEqualTo("result.a.b[1] has an unpaired surrogate at 0");
    assertThat(RawJson.of(Map.of("lines", List.of("ok", "x\u0000"))).problem())
        .isEqualTo("result.lines[1] has a NUL character at 1");
  }

  @Test
  void aResultThatIsNotAnObjectIsKeptWithItsProblem() {
    RawJson scalar = roundTrip("{\"result\":\"text\"}").result();
    assertThat(scalar.text()).isEqualTo("\"text\"");
    assertThat(scalar.problem()).isEqualTo("result is VALUE_STRING, not a JSON object");
  }

  @Test
  void theFieldsAfterTheResultAreStillRead() {
    Carrier read = roundTrip("{\"result\":{\"a\":[1,{\"b\":[]}]},\"name\":\"after\"}");
    assertThat(read.name()).isEqualTo("after");
    assertThat(read.result().toMap()).containsKey("a");
  }

  private final JsonSerde<Carrier> slicing = JsonSerde.slicingRawJson(Carrier.class);

  @Test
  void aSlicingSerdeTakesTheResultAsItsBytesAndChecksItAlike() {
    String result = "{\"total\":1234.5600,\"name\":\"Müller \\\\u0000 literally\",\"n\":[1,{}]}";
    Carrier sliced = slice("{\"name\":\"a\",\"result\":" + result + ",\"after\":1}");
    assertThat(sliced.result().text()).isEqualTo(result);
    assertThat(sliced.result().problem()).isNull();
    assertThat(sliced.name()).isEqualTo("a");

    assertThat(slice("{\"result\":{\"a\":[{\"x\":1},{\"k\\u0000\":1}]}}").result().problem())
        .isEqualTo("result.a[1] key has a NUL character at 1");
    assertThat(slice("{\"result\":{\"a\":\"\\uDC00\"}}").result().problem())
        .isEqualTo("result.a has an unpaired surrogate at 0");
    assertThat(slice("{\"result\":[1]}").result().problem())
        .isEqualTo("result is START_ARRAY, not a JSON object");
  }

  private Carrier slice(String json) {
    return slicing.deserialize("t", json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private Carrier roundTrip(String json) {
    return serde.deserialize("t", json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
