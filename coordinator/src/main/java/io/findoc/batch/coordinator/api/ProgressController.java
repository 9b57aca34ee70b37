package io.findoc.batch.coordinator.api;

import io.findoc.batch.coordinator.progress.ProgressStreams;
import io.findoc.batch.coordinator.security.Caller;
import io.findoc.batch.coordinator.security.CurrentCaller;
import io.findoc.batch.coordinator.security.Role;
import io.findoc.batch.coordinator.store.JobStore;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Duration;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/batch/jobs/{id}/stream}: Server-Sent Events of the job's progress ({@link
 * ProgressStreams}), for dashboards and command lines; the caller's job only, as for {@code GET
 * /api/batch/jobs/{id}}.
 */
@RestController
@RequestMapping("/api/batch/jobs")
public class ProgressController {

  /** A stream ends after this long even if its job has not finished; the client reconnects. */
  private static final Duration LONGEST = Duration.ofHours(1);

  private final ProgressStreams streams;
  private final JobStore jobs;
  private final CurrentCaller callers;

  public ProgressController(ProgressStreams streams, JobStore jobs, CurrentCaller callers) {
    this.streams = streams;
    this.jobs = jobs;
    this.callers = callers;
  }

  @GetMapping(path = "/{id}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @ApiResponse(
      responseCode = "200",
      description = "server-sent events: the job's progress as it changes, until it finishes",
      content =
          @Content(
              mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
              schema = @Schema(type = "string")))
  public SseEmitter stream(@PathVariable UUID id) {
    Caller caller = callers.get();
    caller.require(Role.VIEWER);
    jobs.findForTenant(id, caller.tenant()).orElseThrow(() -> new JobNotFoundException(id));
    return streams.open(id, LONGEST);
  }
}
