package io.findoc.batch.analyzer.result;

import static org.assertj.core.api.Assertions.assertThat;

import io.findoc.batch.common.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultSizeCapTest {

  @Test
  void resultOverTheCapLosesListTailsAndSaysSo() {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("schemaVersion", 1);
    result.put("fields", Map.of("total", Map.of("amount", 10)));
    List<Object> amounts = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      amounts.add(Map.of("amount", i, "currency", "EUR", "line", i));
    }
    result.put("amounts", amounts);
    result.put("findings", List.of(Map.of("code", "X")));
    result.put("truncated", false);

    Map<String, Object> fitted = new ResultSizeCap(8192).fit(result);

    assertThat(Json.mapper().writeValueAsBytes(fitted).length).isLessThanOrEqualTo(8192);
    assertThat(fitted).containsEntry("truncated", true).containsKey("fields");
    assertThat((List<?>) fitted.get("findings")).hasSize(1);
    @SuppressWarnings("unchecked")
    Map<String, Integer> omitted = (Map<String, Integer>) fitted.get("omitted");
    assertThat(omitted.get("amounts") + ((List<?>) fitted.get("amounts")).size()).isEqualTo(5000);
  }

  @Test
  void resultUnderTheCapIsLeftAlone() {
    Map<String, Object> result =
        new LinkedHashMap<>(Map.of("amounts", List.of(1, 2), "truncated", false));

    assertThat(new ResultSizeCap(8192).fit(result))
        .containsEntry("truncated", false)
        .doesNotContainKey("omitted");
  }
}
