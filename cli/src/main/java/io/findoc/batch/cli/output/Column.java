package io.findoc.batch.cli.output;

import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/** One column of a text table: its header and how a row's JSON gives its cell. */
public record Column(String header, Function<JsonNode, String> cell) {

  /** A column showing a field, or a nested one ({@code "counts.failed"}). */
  public static Column field(String header, String path) {
    return new Column(
        header,
        node -> {
          JsonNode value = node;
          for (String name : path.split("\\.")) {
            value = value == null ? null : value.get(name);
          }
          return value == null || value.isNull() ? "" : value.asString();
        });
  }
}
