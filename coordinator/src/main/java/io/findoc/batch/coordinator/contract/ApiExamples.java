package io.findoc.batch.coordinator.contract;

import io.findoc.batch.common.json.Json;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The examples of the OpenAPI document: a request body and an answer per status for every
 * operation, kept in {@code examples.json} beside this class (keyed {@code "GET
 * /api/batch/jobs/{id}"}, then {@code "request"} or the status), and added to every content that
 * has none of its own from an annotation. Problem answers get theirs from {@link ApiContract}.
 * {@code OpenApiContractIT} fails if an operation lacks one, or an example has a field the schema
 * does not document.
 */
@Configuration(proxyBeanMethods = false)
public class ApiExamples {

  static final String RESOURCE = "examples.json";
  private static final String REQUEST = "request";

  @Bean
  OpenApiCustomizer examples() {
    Map<String, Map<String, Object>> examples = load();
    return openApi ->
        openApi
            .getPaths()
            .forEach(
                (path, item) ->
                    item.readOperationsMap()
                        .forEach(
                            (method, operation) -> {
                              Map<String, Object> ofOperation =
                                  examples.get(method.name().toUpperCase(Locale.ROOT) + " " + path);
                              if (ofOperation != null) {
                                add(operation, ofOperation);
                              }
                            }));
  }

  private static void add(Operation operation, Map<String, Object> examples) {
    Object request = examples.get(REQUEST);
    if (request != null && operation.getRequestBody() != null) {
      operation.getRequestBody().getContent().values().forEach(media -> addTo(media, request));
    }
    examples.forEach(
        (status, example) -> {
          ApiResponse answer = operation.getResponses().get(status);
          if (answer != null && answer.getContent() != null) {
            answer.getContent().values().forEach(media -> addTo(media, example));
          }
        });
  }

  private static void addTo(MediaType media, Object example) {
    boolean hasOne =
        media.getExample() != null
            || (media.getExamples() != null && !media.getExamples().isEmpty());
    if (!hasOne) {
      media.setExample(example);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> load() {
    try (InputStream in = ApiExamples.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing beside " + ApiExamples.class);
      }
      return Json.mapper().readValue(in, Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
