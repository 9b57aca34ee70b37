package io.findoc.batch.cli.output;

/** {@code --output}: how a command prints what it got. */
public enum OutputFormat {
  /** Lines for people: a table for lists, fields for one item. */
  text,
  /** The API's JSON as it came: one document. */
  json,
  /** One JSON object per line: lists item by item, for {@code jq} and friends. */
  jsonl
}
