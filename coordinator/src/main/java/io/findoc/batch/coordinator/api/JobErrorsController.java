package io.findoc.batch.coordinator.api;

import io.findoc.batch.coordinator.security.Caller;
import io.findoc.batch.coordinator.security.CurrentCaller;
import io.findoc.batch.coordinator.security.Role;
import io.findoc.batch.coordinator.store.ErrorStore;
import io.findoc.batch.coordinator.store.JobStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The error report of a job: {@code GET /api/batch/jobs/{id}/errors} groups its failed tasks by
 * error code and message pattern (numbers, UUIDs and hex strings normalised away), each group with
 * its fingerprint (which {@code POST .../retry} accepts as {@code errorGroups}), count and sample
 * tasks; {@code ?format=csv} is the per-task failure report, streamed.
 */
@RestController
@RequestMapping("/api/batch/jobs")
public class JobErrorsController {

  private static final int SAMPLES = 5;
  private static final int MAX_GROUPS = 1000;
  private static final int PAGE = 1000;

  private final ErrorStore errors;
  private final JobStore jobs;
  private final CurrentCaller callers;

  public JobErrorsController(ErrorStore errors, JobStore jobs, CurrentCaller callers) {
    this.errors = errors;
    this.jobs = jobs;
    this.callers = callers;
  }

  /** The report as JSON. */
  public record ErrorReport(UUID jobId, long failedTasks, List<Group> groups) {}

  /** Failures with the same code and message pattern. */
  public record Group(
      String fingerprint,
      String errorCode,
      String pattern,
      String sampleMessage,
      long tasks,
      List<Integer> sampleTasks) {}

  @GetMapping("/{id}/errors")
  @ApiResponse(
      responseCode = "200",
      description = "the failed tasks in groups; with format=csv, one CSV line per failed task",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = ErrorReport.class)),
        @Content(
            mediaType = "text/csv",
            schema = @Schema(type = "string"),
            examples =
                @ExampleObject(
                    value =
                        "task,document_id,attempt,worker,started_at,finished_at,error_code,"
                            + "fingerprint,message"))
      })
  public ResponseEntity<ErrorReport> errors(
      @PathVariable UUID id,
      @Parameter(description = "json (default) or csv") @RequestParam(required = false)
          String format) {
    requireJob(id);
    if (format == null || format.equals("json")) {
      List<Group> groups =
          errors.findGroups(id, SAMPLES, MAX_GROUPS).stream()
              .map(
                  g ->
                      new Group(
                          g.fingerprint(),
                          g.errorCode(),
                          g.pattern(),
                          g.sampleMessage(),
                          g.tasks(),
                          Arrays.stream(g.sampleTasks()).boxed().toList()))
              .toList();
      long failed = groups.stream().mapToLong(Group::tasks).sum();
      return ResponseEntity.ok(new ErrorReport(id, failed, groups));
    }
    throw new InvalidParameterException("format", "must be json or csv");
  }

  /** The per-task failure report, one CSV line per failed task, streamed page by page. */
  @GetMapping(path = "/{id}/errors", params = "format=csv")
  @Operation(hidden = true) // documented with the JSON form above: one path, two formats
  public ResponseEntity<StreamingResponseBody> csv(@PathVariable UUID id) {
    requireJob(id);
    StreamingResponseBody csv = failureCsv(errors, id);
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"failures-" + id + ".csv\"")
        .body(csv);
  }

  /** The job's failure report as CSV, one line per failed task, written page by page. */
  public static StreamingResponseBody failureCsv(ErrorStore errors, UUID id) {
    return out -> writeCsv(errors, id, out);
  }

  private static void writeCsv(ErrorStore errors, UUID id, java.io.OutputStream out)
      throws java.io.IOException {
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    writer.write(
        "task,document_id,attempt,worker,started_at,finished_at,error_code,fingerprint,message\n");
    int after = 0;
    while (true) {
      List<ErrorStore.TaskFailure> page = errors.findFailuresPage(id, after, PAGE);
      for (ErrorStore.TaskFailure f : page) {
        writer.write(
            String.join(
                ",",
                Integer.toString(f.number()),
                CsvField.of(f.documentRef()),
                Integer.toString(f.attempt()),
                CsvField.of(f.worker()),
                f.startedAt() == null ? "" : f.startedAt().toString(),
                f.finishedAt() == null ? "" : f.finishedAt().toString(),
                CsvField.of(f.errorCode()),
                f.fingerprint(),
                CsvField.of(f.errorMessage())));
        writer.write('\n');
      }
      if (page.size() < PAGE) {
        break;
      }
      after = page.get(page.size() - 1).number();
    }
    writer.flush();
  }

  private void requireJob(UUID id) {
    Caller caller = callers.get();
    caller.require(Role.VIEWER);
    jobs.findForTenant(id, caller.tenant()).orElseThrow(() -> new JobNotFoundException(id));
  }
}
