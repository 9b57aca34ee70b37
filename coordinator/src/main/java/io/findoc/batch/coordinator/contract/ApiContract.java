package io.findoc.batch.coordinator.contract;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's frame: title, the bearer key every operation needs, and the problem+json
 * answers each operation may give besides its own. Springdoc generates the rest from the
 * controllers; {@code /api/openapi.json} serves it.
 */
@Configuration(proxyBeanMethods = false)
public class ApiContract {

  static final String BEARER_KEY = "apiKey";
  static final String PROBLEM_JSON = "application/problem+json";

  @Bean
  OpenAPI findocOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("FinDoc Batch API")
                .version("1")
                .description(
                    "Submit jobs of financial documents, follow them, act on them, and read"
                        + " their results. Every request needs 'Authorization: Bearer <key>';"
                        + " every error is an RFC 9457 problem+json body."))
        .components(
            new Components()
                .addSecuritySchemes(
                    BEARER_KEY,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("an API key of a tenant (or the platform admin key)")))
        .addSecurityItem(new SecurityRequirement().addList(BEARER_KEY));
  }

  /** Adds to every operation the problem answers it may give, with the Problem schema. */
  @Bean
  OpenApiCustomizer problemAnswers() {
    return openApi -> {
      Map<String, Schema> problem = ModelConverters.getInstance().readAll(ProblemBody.class);
      problem.forEach(openApi.getComponents()::addSchemas);
      openApi
          .getPaths()
          .forEach(
              (path, item) ->
                  item.readOperationsMap()
                      .forEach((method, operation) -> addProblems(path, method, operation)));
    };
  }

  private static void addProblems(String path, PathItem.HttpMethod method, Operation operation) {
    boolean changes = method != PathItem.HttpMethod.GET;
    boolean namesAResource = path.contains("{");
    Map<String, String> problems = new LinkedHashMap<>();
    problems.put("400", "a parameter or the body is invalid; 'errors' names each at fault");
    problems.put("401", "no valid API key");
    problems.put("403", "the key's role may not do this");
    if (namesAResource) {
      problems.put("404", "not found (another tenant's is not found either)");
    }
    if (changes && namesAResource) {
      problems.put("409", "the resource's state does not allow this");
    }
    if (changes) {
      problems.put("413", "the body is larger than the coordinator accepts");
    }
    problems.put("429", "too many requests for this key, or the queue is full; see Retry-After");
    problems.put("500", "failed on the server side; 'incident' is in its log");
    if (changes) {
      problems.put("503", "a dependency (the broker) is unavailable; try again after Retry-After");
    }
    ApiResponses responses = operation.getResponses();
    problems.forEach(
        (status, description) -> {
          ApiResponse existing = responses.get(status);
          ApiResponse answer = existing == null ? new ApiResponse() : existing;
          if (answer.getDescription() == null || answer.getDescription().isBlank()) {
            answer.description(description);
          }
          Content content = new Content();
          content.addMediaType(
              PROBLEM_JSON,
              new MediaType()
                  .schema(new Schema<>().$ref("#/components/schemas/Problem"))
                  .example(ProblemExamples.of(Integer.parseInt(status), path)));
          answer.setContent(content);
          responses.addApiResponse(status, answer);
        });
  }
}
