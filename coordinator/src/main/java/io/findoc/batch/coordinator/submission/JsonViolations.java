package io.findoc.batch.coordinator.submission;

import io.findoc.batch.coordinator.validation.Violation;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/** Says what a Jackson error means for the client, at which JSON path. */
public final class JsonViolations {

  private JsonViolations() {}

  /**
   * The violation behind {@code e}, whose own path is relative to {@code prefix} (such as {@code
   * documents[3]}; empty for the whole body).
   */
  public static Violation of(JacksonException e, String prefix) {
    if (e instanceof StreamReadException read && !(e instanceof MismatchedInputException)) {
      return new Violation("$", "is not well-formed JSON: " + read.getOriginalMessage());
    }
    String path = join(prefix, path(e));
    if (e instanceof UnrecognizedPropertyException) {
      return new Violation(path, "is not a known field");
    }
    if (e instanceof ValueInstantiationException invalid && invalid.getCause() != null) {
      return new Violation(path, invalid.getCause().getMessage());
    }
    if (e instanceof MismatchedInputException mismatch) {
      String expected =
          mismatch.getTargetType() == null ? "another type" : describe(mismatch.getTargetType());
      return new Violation(path, "has the wrong type: expected " + expected);
    }
    return new Violation(path, e.getOriginalMessage());
  }

  /** A short name of a type for messages: "a number", "an array", ... */
  public static String describe(Class<?> type) {
    if (type == String.class) {
      return "a string";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a number";
    }
    if (List.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "an object";
    }
    if (type == UUID.class) {
      return "a UUID";
    }
    if (type.isEnum()) {
      return "one of " + List.of(type.getEnumConstants());
    }
    return "a " + type.getSimpleName();
  }

  /** The JSON path of a Jackson error, as {@code documents[3].uri}. */
  private static String path(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String join(String prefix, String path) {
    if (prefix.isEmpty()) {
      return path.isEmpty() ? "$" : path;
    }
    if (path.isEmpty()) {
      return prefix;
    }
    return path.startsWith("[") ? prefix + path : prefix + "." + path;
  }
}
