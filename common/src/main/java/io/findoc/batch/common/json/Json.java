package io.findoc.batch.common.json;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared Jackson setup for messages and stored JSON: ISO-8601 instants, and unknown properties
 * tolerated, so that a newer producer's extra fields do not break an older reader.
 */
public final class Json {

  private static final JsonMapper MAPPER = builder().build();

  private Json() {}

  /** A builder with the shared settings, for applications that add their own. */
  public static JsonMapper.Builder builder() {
    return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /** The shared mapper; thread-safe. */
  public static JsonMapper mapper() {
    return MAPPER;
  }
}
