package io.findoc.batch.coordinator.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Holds JSON bodies (real answers, or the document's own examples) against the schemas the OpenAPI
 * document gives them, object by object down through {@code $ref}s and arrays: which fields a body
 * has that its schema does not document, which documented fields some body had (not null), and
 * which values are of another kind than documented (an object where a string is said).
 */
final class DocumentedFields {

  private static final String REF = "#/components/schemas/";

  private final JsonNode document;
  private final Map<String, Set<String>> documented = new TreeMap<>();
  private final Map<String, Set<String>> returned = new TreeMap<>();
  private final Set<String> undocumented = new TreeSet<>();
  private final Set<String> mistyped = new TreeSet<>();

  DocumentedFields(JsonNode document) {
    this.document = document;
  }

  /**
   * The schema of the answer {@code status} of {@code method path} (a path as the document names
   * it, {@code /api/batch/jobs/{id}}) for {@code mediaType}; null if the document has no such
   * answer or content.
   */
  JsonNode answerSchema(String method, String path, int status, String mediaType) {
    JsonNode answer = answer(method, path, status);
    if (answer == null || answer.get("content") == null) {
      return null;
    }
    JsonNode content = answer.get("content").get(mediaType);
    return content == null ? null : content.get("schema");
  }

  /** The documented answer {@code status} of {@code method path}, or null. */
  JsonNode answer(String method, String path, int status) {
    JsonNode item = document.get("paths").get(path);
    JsonNode operation = item == null ? null : item.get(method.toLowerCase(Locale.ROOT));
    return operation == null ? null : operation.get("responses").get(Integer.toString(status));
  }

  /** Compares {@code body} with {@code schema}; {@code where} names it in what is reported. */
  void compare(JsonNode schema, JsonNode body, String where) {
    if (schema == null || body == null || body.isNull()) {
      return;
    }
    JsonNode ref = schema.get("$ref");
    String name = where;
    JsonNode resolved = schema;
    if (ref != null) {
      name = ref.asString().substring(REF.length());
      resolved = document.get("components").get("schemas").get(name);
      if (resolved == null) {
        mistyped.add(where + ": its schema " + name + " is not in the document");
        return;
      }
    }
    String type = type(resolved);
    if (body.isObject()) {
      Map<String, JsonNode> properties = properties(resolved);
      if (properties.isEmpty()) {
        if (!"object".equals(type) && resolved.get("additionalProperties") == null) {
          mistyped.add(where + ": an object, documented as " + type);
        }
        return;
      }
      documented.computeIfAbsent(name, n -> new TreeSet<>()).addAll(properties.keySet());
      for (Map.Entry<String, JsonNode> field : body.properties()) {
        JsonNode fieldSchema = properties.get(field.getKey());
        if (fieldSchema == null) {
          undocumented.add(name + "." + field.getKey() + " (in " + where + ")");
        } else if (!field.getValue().isNull()) {
          returned.computeIfAbsent(name, n -> new TreeSet<>()).add(field.getKey());
          compare(fieldSchema, field.getValue(), name + "." + field.getKey());
        }
      }
    } else if (body.isArray()) {
      if (!"array".equals(type)) {
        mistyped.add(where + ": an array, documented as " + type);
        return;
      }
      for (JsonNode item : body) {
        compare(resolved.get("items"), item, where + "[]");
      }
    } else if ("object".equals(type) || "array".equals(type)) {
      mistyped.add(where + ": " + body.getNodeType() + ", documented as " + type);
    }
  }

  /** Fields in bodies that their schemas do not document, as {@code Schema.field (in ...)}. */
  Set<String> undocumented() {
    return undocumented;
  }

  /** Values of another kind than their schema says. */
  Set<String> mistyped() {
    return mistyped;
  }

  /**
   * Documented fields of the schemas met that no body compared had, as {@code Schema.field}, less
   * the {@code expectedAbsent} ones.
   */
  List<String> notReturned(Set<String> expectedAbsent) {
    List<String> missing = new ArrayList<>();
    documented.forEach(
        (schema, fields) ->
            fields.forEach(
                field -> {
                  String name = schema + "." + field;
                  if (!returned.getOrDefault(schema, Set.of()).contains(field)
                      && !expectedAbsent.contains(name)) {
                    missing.add(name);
                  }
                }));
    return missing;
  }

  /** Those of {@code fields} ({@code Schema.field}) that some body had. */
  Set<String> returnedOf(Set<String> fields) {
    Set<String> had = new TreeSet<>();
    returned.forEach((schema, names) -> names.forEach(n -> had.add(schema + "." + n)));
    had.retainAll(fields);
    return had;
  }

  /** The schemas whose fields were compared. */
  Set<String> schemasMet() {
    return documented.keySet();
  }

  private Map<String, JsonNode> properties(JsonNode schema) {
    Map<String, JsonNode> all = new TreeMap<>();
    JsonNode properties = schema.get("properties");
    if (properties != null) {
      properties.properties().forEach(p -> all.put(p.getKey(), p.getValue()));
    }
    JsonNode allOf = schema.get("allOf");
    if (allOf != null) {
      for (JsonNode part : allOf) {
        JsonNode ref = part.get("$ref");
        all.putAll(
            properties(
                ref == null
                    ? part
                    : document
                        .get("components")
                        .get("schemas")
                        .get(ref.asString().substring(REF.length()))));
      }
    }
    return all;
  }

  private static String type(JsonNode schema) {
    JsonNode type = schema.get("type");
    if (type == null) {
      return schema.get("properties") != null ? "object" : "any";
    }
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (!"null".equals(t.asString())) {
          return t.asString();
        }
      }
    }
    return type.asString();
  }
}
