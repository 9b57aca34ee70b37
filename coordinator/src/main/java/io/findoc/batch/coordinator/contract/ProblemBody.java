package io.findoc.batch.coordinator.contract;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * How the OpenAPI document shows an RFC 9457 problem+json body, the answer to every failed request
 * ({@link io.findoc.batch.coordinator.api.ApiExceptionHandler}, {@link
 * io.findoc.batch.coordinator.security.ApiGate}).
 */
@Schema(name = "Problem", description = "An RFC 9457 problem: what went wrong, for people and code")
public record ProblemBody(
    @Schema(description = "urn:findoc:problem:<kind>", example = "urn:findoc:problem:job-not-found")
        String type,
    @Schema(example = "Job not found") String title,
    @Schema(example = "404") int status,
    @Schema(example = "no job 0b5c7c1e-5d0a-4bd4-9a55-6f3c4c2f9f1e") String detail,
    @Schema(example = "/api/batch/jobs/0b5c7c1e-5d0a-4bd4-9a55-6f3c4c2f9f1e") String instance,
    @Schema(description = "the fields or parameters at fault, on 400 answers")
        List<FieldError> errors,
    @Schema(description = "on 500 answers: the id the coordinator's log has too") String incident) {

  /** One field or parameter at fault. */
  @Schema(name = "FieldError")
  public record FieldError(
      @Schema(example = "documents[3].uri") String field,
      @Schema(example = "is required") String message) {}
}
