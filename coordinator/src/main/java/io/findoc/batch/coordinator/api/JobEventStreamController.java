package io.findoc.batch.coordinator.api;

import io.findoc.batch.coordinator.events.JobEventStreams;
import io.findoc.batch.coordinator.security.Caller;
import io.findoc.batch.coordinator.security.CurrentCaller;
import io.findoc.batch.coordinator.security.Role;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/batch/events/stream}: Server-Sent Events of every job event of the caller's
 * tenant ({@link JobEventStreams}), for the command line's {@code events tail} and dashboards.
 */
@RestController
@RequestMapping("/api/batch/events")
public class JobEventStreamController {

  /** A stream ends after this long; the client reconnects with {@code Last-Event-ID}. */
  private static final Duration LONGEST = Duration.ofHours(1);

  private final JobEventStreams streams;
  private final CurrentCaller callers;

  public JobEventStreamController(JobEventStreams streams, CurrentCaller callers) {
    this.streams = streams;
    this.callers = callers;
  }

  @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @ApiResponse(
      responseCode = "200",
      description =
          "server-sent events: each job event of the tenant once relayed (the eight batch.* types"
              + " of the webhooks; task events only of jobs that write them), named by its type,"
              + " with the event's seq as id and a JobEventView as data; a comment every few"
              + " seconds while idle. It ends after an hour, or when the client falls 10,000"
              + " events behind: reconnect with Last-Event-ID.",
      content =
          @Content(
              mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
              schema = @Schema(type = "string")))
  public SseEmitter stream(
      @Parameter(
              description =
                  "the id of the last event received: the stream goes on after it (the events"
                      + " kept, findoc.events.retention)")
          @RequestHeader(name = "Last-Event-ID", required = false)
          String lastEventId) {
    Caller caller = callers.get();
    caller.require(Role.SUBMITTER);
    String tenant = caller.tenant();
    JobEventStreams.Start start = new JobEventStreams.Now();
    if (lastEventId != null && !lastEventId.isBlank()) {
      try {
        start = new JobEventStreams.After(Long.parseLong(lastEventId.strip()));
      } catch (NumberFormatException e) {
        throw new InvalidParameterException(
            "Last-Event-ID", "must be the id of an event of this stream (a number)");
      }
    }
    return streams.open(tenant, start, LONGEST);
  }
}
