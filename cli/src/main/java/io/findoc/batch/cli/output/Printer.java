package io.findoc.batch.cli.output;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Prints an item or a list on stdout in the chosen {@link OutputFormat}. */
public final class Printer {

  private final OutputFormat format;
  private final PrintStream out;
  private final JsonMapper json;

  public Printer(OutputFormat format, PrintStream out, JsonMapper json) {
    this.format = format;
    this.out = out;
    this.json = json;
  }

  public OutputFormat format() {
    return format;
  }

  /** One item: as JSON, or as the text {@code asText} makes of it. */
  public void item(JsonNode item, Function<JsonNode, String> asText) {
    switch (format) {
      case text -> out.println(asText.apply(item));
      case json -> out.println(pretty(item));
      case jsonl -> out.println(json.writeValueAsString(item));
    }
    out.flush();
  }

  /** A list: a table with a header, a JSON array, or one line per item. */
  public void list(JsonNode items, List<Column> columns) {
    switch (format) {
      case text -> out.print(Table.of(columns, items));
      case json -> out.println(pretty(items));
      case jsonl -> items.forEach(item -> out.println(json.writeValueAsString(item)));
    }
    out.flush();
  }

  /** A line for people; in JSON formats, nothing (scripts read the JSON). */
  public void note(String line) {
    if (format == OutputFormat.text) {
      out.println(line);
      out.flush();
    }
  }

  private String pretty(JsonNode node) {
    return json.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node);
  }
}
