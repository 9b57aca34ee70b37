package io.findoc.batch.common.json;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A JSON object kept as its text, from the worker that wrote it to the database that stores it:
 * read from a message by copying its tokens (strings checked, numbers kept digit for digit), not
 * into maps, lists and doubles, and written into a message as it is. A value PostgreSQL would
 * refuse (a NUL character, an unpaired surrogate) is kept with its {@link #problem()}, for the
 * report's rules to name.
 */
@JsonSerialize(using = RawJson.Writer.class)
@JsonDeserialize(using = RawJson.Reader.class)
public final class RawJson {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final String text;
  private final String problem;

  private RawJson(String text, String problem) {
    this.text = text;
    this.problem = problem;
  }

  /** {@code value} written as JSON once, its strings and numbers checked as it is written. */
  public static RawJson of(Map<String, ?> value) {
    return new RawJson(Json.mapper().writeValueAsString(value), problemIn("result", value));
  }

  /** {@code json}, one JSON value, checked as a message's would be (it must be an object). */
  public static RawJson parse(String json) {
    try (JsonParser parser = Json.mapper().createParser(json)) {
      parser.nextToken();
      return read(parser);
    }
  }

  /** The JSON text. */
  public String text() {
    return text;
  }

  /** Why PostgreSQL would refuse this value, or null. */
  public String problem() {
    return problem;
  }

  /** The value read into maps and lists, for those who need to look inside. */
  public Map<String, Object> toMap() {
    return Json.mapper().readValue(text, MAP);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RawJson raw && raw.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }

  /** Copies the value at the parser's current token, checking its strings and names. */
  private static RawJson read(JsonParser parser) {
    StringWriter out = new StringWriter(256);
    String problem =
        parser.currentToken() == JsonToken.START_OBJECT
            ? null
            : "result is " + parser.currentToken() + ", not a JSON object";
    int top = parser.streamReadContext().getNestingDepth();
    try (JsonGenerator copy = Json.mapper().createGenerator(out)) {
      int depth = 0;
      do {
        JsonToken token = parser.currentToken();
        if (problem == null
            && (token == JsonToken.VALUE_STRING || token == JsonToken.PROPERTY_NAME)) {
          String here =
              PostgresText.problem(
                  "",
                  parser.getStringCharacters(),
                  parser.getStringOffset(),
                  parser.getStringLength());
          if (here != null) {
            TokenStreamContext at = parser.streamReadContext();
            problem =
                (token == JsonToken.PROPERTY_NAME
                        ? containerPath(at, top) + " key"
                        : containerPath(at, top) + segment(at))
                    + here;
          }
        }
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
          copy.writeNumber(parser.getString()); // as written: no detour through a double
        } else {
          copy.copyCurrentEvent(parser);
        }
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
          depth++;
        } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
          depth--;
        }
      } while (depth > 0 && parser.nextToken() != null);
    }
    return new RawJson(out.toString(), problem);
  }

  /** Where the container {@code context} stands in the result: {@code result.lines[2]}. */
  private static String containerPath(TokenStreamContext context, int top) {
    if (context.getNestingDepth() <= top || context.getParent() == null) {
      return "result";
    }
    return containerPath(context.getParent(), top) + segment(context.getParent());
  }

  /** The step from {@code context} to its current value: {@code .name} or {@code [index]}. */
  private static String segment(TokenStreamContext context) {
    if (context.inObject()) {
      return "." + context.currentName();
    }
    return context.inArray() ? "[" + context.getCurrentIndex() + "]" : "";
  }

  /**
   * Why PostgreSQL would refuse {@code value} (maps, lists, strings and numbers, as Jackson writes
   * them), or null.
   */
  private static String problemIn(String path, Object value) {
    if (value instanceof String s) {
      return PostgresText.problem(path, s);
    }
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String key = String.valueOf(entry.getKey());
        String problem = PostgresText.problem(path + " key", key);
        if (problem == null) {
          problem = problemIn(path + "." + key, entry.getValue());
        }
        if (problem != null) {
          return problem;
        }
      }
      return null;
    }
    if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        String problem = problemIn(path + "[" + i + "]", list.get(i));
        if (problem != null) {
          return problem;
        }
      }
      return null;
    }
    if ((value instanceof Double d && !Double.isFinite(d))
        || (value instanceof Float f && !Float.isFinite(f))) {
      return path + " is " + value + ", not a finite number";
    }
    return null;
  }

  static final class Writer extends ValueSerializer<RawJson> {
    @Override
    public void serialize(RawJson value, JsonGenerator generator, SerializationContext context) {
      generator.writeRawValue(value.text);
    }
  }

  static final class Reader extends ValueDeserializer<RawJson> {
    @Override
    public RawJson deserialize(JsonParser parser, DeserializationContext context) {
      RawJson sliced = slice(parser);
      return sliced != null ? sliced : read(parser);
    }
  }

  /**
   * The object at the parser's current token as a slice of the bytes it reads, when it can reach
   * them ({@link JsonSerde#slicingRawJson}), or null: the parser skips the object without decoding
   * it, and only a slice that holds a {@code \u0000} or surrogate escape, the only ways JSON text
   * can carry what PostgreSQL refuses, is read again token by token to name the place.
   */
  private static RawJson slice(JsonParser parser) {
    TokenStreamLocation at = parser.currentTokenLocation();
    if (parser.currentToken() != JsonToken.START_OBJECT
        || !(at.contentReference().getRawContent() instanceof byte[] bytes)
        || at.getByteOffset() < 0) {
      return null;
    }
    int start = (int) at.getByteOffset();
    parser.skipChildren();
    int end = (int) parser.currentLocation().getByteOffset();
    if (end <= start || end > bytes.length) {
      throw new IllegalStateException("the result's bytes do not end where its object does");
    }
    String text = new String(bytes, start, end - start, StandardCharsets.UTF_8);
    return hasSuspectEscape(bytes, start, end) ? parse(text) : new RawJson(text, null);
  }

  /** Whether {@code \u0000} or a {@code \uD800}-{@code \uDFFF} escape stands in the bytes. */
  private static boolean hasSuspectEscape(byte[] bytes, int start, int end) {
    for (int i = start; i + 5 < end; i++) {
      if (bytes[i] != '\\' || (bytes[i + 1] != 'u' && bytes[i + 1] != 'U')) {
        continue;
      }
      byte first = bytes[i + 2];
      byte second = bytes[i + 3];
      boolean nul = first == '0' && second == '0' && bytes[i + 4] == '0' && bytes[i + 5] == '0';
      boolean surrogate =
          (first == 'd' || first == 'D')
              && ((second >= '8' && second <= '9')
                  || (second >= 'a' && second <= 'f')
                  || (second >= 'A' && second <= 'F'));
      if (nul || surrogate) {
        return true;
      }
      i++; // an escaped backslash is not the start of another escape
    }
    return false;
  }
}
