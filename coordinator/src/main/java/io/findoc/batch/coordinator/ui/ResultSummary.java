package io.findoc.batch.coordinator.ui;

import io.findoc.batch.common.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A task's result as a reader takes it in: for the analyser's results ({@code
 * docs/result-schema.md}) the document type, its fields, identifiers and findings; for any result
 * its JSON, indented.
 *
 * @param type the document type, or null if the result is not an analysis
 * @param confidence how clearly the type won, or null
 * @param fields field name to its value as text
 * @param identifiers type, value (masked as the worker masked it) and whether its check passed
 * @param findings code, severity and message of each failed consistency check
 * @param json the whole result, indented; null without a result
 */
public record ResultSummary(
    String type,
    String confidence,
    Map<String, String> fields,
    List<List<String>> identifiers,
    List<List<String>> findings,
    String json) {

  static ResultSummary of(String result) {
    if (result == null || result.isBlank()) {
      return new ResultSummary(null, null, Map.of(), List.of(), List.of(), null);
    }
    JsonNode root;
    try {
      root = Json.mapper().readTree(result);
    } catch (JacksonException e) {
      return new ResultSummary(null, null, Map.of(), List.of(), List.of(), result);
    }
    String pretty = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root);
    if (!root.isObject() || !root.has("type")) {
      return new ResultSummary(null, null, Map.of(), List.of(), List.of(), pretty);
    }
    Map<String, String> fields = new LinkedHashMap<>();
    JsonNode fieldNodes = root.path("fields");
    for (Map.Entry<String, JsonNode> field : fieldNodes.properties()) {
      JsonNode value = field.getValue();
      String text =
          value.isObject() && value.has("amount")
              ? value.get("amount").asString()
                  + (value.has("currency") ? " " + value.get("currency").asString() : "")
              : value.isValueNode() ? value.asString() : value.toString();
      fields.put(field.getKey(), text);
    }
    List<List<String>> identifiers = new ArrayList<>();
    for (JsonNode id : root.path("identifiers")) {
      identifiers.add(
          List.of(
              id.path("type").asString(""),
              id.path("value").asString(""),
              id.path("valid").asBoolean(false) ? "valid" : "invalid"));
    }
    List<List<String>> findings = new ArrayList<>();
    for (JsonNode finding : root.path("findings")) {
      findings.add(
          List.of(
              finding.path("code").asString(""),
              finding.path("severity").asString(""),
              finding.path("message").asString("")));
    }
    return new ResultSummary(
        root.path("type").asString(),
        root.has("confidence") ? root.get("confidence").asString() : null,
        fields,
        identifiers,
        findings,
        pretty);
  }
}
