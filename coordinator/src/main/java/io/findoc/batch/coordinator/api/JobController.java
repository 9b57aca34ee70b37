package io.findoc.batch.coordinator.api;

import io.findoc.batch.common.state.JobState;
import io.findoc.batch.common.state.TaskState;
import io.findoc.batch.coordinator.contract.JobSubmissionBody;
import io.findoc.batch.coordinator.control.JobOperations;
import io.findoc.batch.coordinator.progress.JobView;
import io.findoc.batch.coordinator.security.Caller;
import io.findoc.batch.coordinator.security.CurrentCaller;
import io.findoc.batch.coordinator.security.Role;
import io.findoc.batch.coordinator.store.AttemptStore;
import io.findoc.batch.coordinator.store.ErrorStore;
import io.findoc.batch.coordinator.store.JobCounts;
import io.findoc.batch.coordinator.store.JobHistoryEntry;
import io.findoc.batch.coordinator.store.JobRow;
import io.findoc.batch.coordinator.store.JobStore;
import io.findoc.batch.coordinator.store.TaskRow;
import io.findoc.batch.coordinator.store.TaskStore;
import io.findoc.batch.coordinator.submission.JobSubmitter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Submitting jobs, reading them with their tasks, and pausing, resuming or cancelling them. */
@RestController
@RequestMapping("/api/batch/jobs")
public class JobController {

  private static final int MAX_REASON_LENGTH = 500;
  private static final int MAX_IDEMPOTENCY_KEY_LENGTH = 200;

  private final JobSubmitter submitter;
  private final JobStore jobs;
  private final TaskStore tasks;
  private final CurrentCaller callers;
  private final JobOperations operations;
  private final AttemptStore attempts;
  private final ErrorStore errors;

  public JobController(
      JobSubmitter submitter,
      JobStore jobs,
      TaskStore tasks,
      CurrentCaller callers,
      JobOperations operations,
      AttemptStore attempts,
      ErrorStore errors) {
    this.operations = operations;
    this.attempts = attempts;
    this.errors = errors;
    this.submitter = submitter;
    this.jobs = jobs;
    this.tasks = tasks;
    this.callers = callers;
  }

  /**
   * Accepts a job: 202 with the job and its {@code Location}; its tasks are dispatched next. The
   * body (see {@link io.findoc.batch.coordinator.submission.JobSubmission}) is read as a stream.
   * With an {@code Idempotency-Key} the tenant used before, the answer is 200 with that first job
   * (and {@code Idempotent-Replayed: true}), and the body is not read.
   */
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              schema = @Schema(implementation = JobSubmissionBody.class),
              examples = @ExampleObject(name = "submission", value = JobSubmissionBody.EXAMPLE)))
  @ApiResponse(
      responseCode = "202",
      description = "accepted; Location names the job",
      content = @Content(schema = @Schema(implementation = SubmittedJobView.class)))
  @ApiResponse(
      responseCode = "200",
      description = "the job first submitted with this Idempotency-Key (Idempotent-Replayed: true)",
      content = @Content(schema = @Schema(implementation = SubmittedJobView.class)))
  public ResponseEntity<Object> submit(
      HttpServletRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey)
      throws IOException {
    if (idempotencyKey != null
        && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY_LENGTH)) {
      throw new InvalidParameterException(
          "Idempotency-Key", "must be 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH + " characters");
    }
    JobSubmitter.Submitted submitted =
        submitter.submit(tenant(Role.SUBMITTER), idempotencyKey, request.getInputStream());
    URI location = URI.create("/api/batch/jobs/" + submitted.jobId());
    JobRow stored = submitted.job().orElseThrow(() -> new JobNotFoundException(submitted.jobId()));
    Object job = SubmittedJobView.of(JobView.of(stored), submitted.webhooks());
    if (submitted.replayed()) {
      return ResponseEntity.ok().location(location).header("Idempotent-Replayed", "true").body(job);
    }
    return ResponseEntity.accepted().location(location).body(job);
  }

  @GetMapping("/{id}")
  public JobView get(@PathVariable UUID id) {
    return JobView.of(job(id));
  }

  /**
   * Pauses the job: no task of it starts any more; running ones finish. Idempotent; 409 if the job
   * is not QUEUED, RUNNING or PAUSED.
   */
  @PutMapping("/{id}/pause")
  public JobView pause(@PathVariable UUID id) {
    operator(id);
    operations.pause(id, actor());
    return JobView.of(job(id));
  }

  /** Resumes a paused job. Idempotent; 409 if the job is not PAUSED, QUEUED or RUNNING. */
  @PutMapping("/{id}/resume")
  public JobView resume(@PathVariable UUID id) {
    operator(id);
    operations.resume(id, actor());
    return JobView.of(job(id));
  }

  /**
   * Cancels the job: every task not done is cancelled, running ones are stopped. Idempotent; 409 if
   * the job has finished otherwise.
   */
  @DeleteMapping("/{id}")
  public JobView cancel(@PathVariable UUID id, @RequestParam(required = false) String reason) {
    operator(id);
    if (reason != null && reason.length() > MAX_REASON_LENGTH) {
      throw new InvalidParameterException(
          "reason", "must be at most " + MAX_REASON_LENGTH + " characters");
    }
    operations.cancel(id, actor(), reason);
    return JobView.of(job(id));
  }

  /**
   * Runs failed tasks again as new attempts: all, or those with the given {@code errorCodes}, or
   * the given {@code tasks} (numbers). The job reopens if it had finished. 409 for a job that
   * cannot have failed tasks to retry (cancelled, completed).
   */
  @PostMapping(path = "/{id}/retry")
  public RetryView retry(
      @PathVariable UUID id, @RequestBody(required = false) RetryRequest request) {
    operator(id);
    RetryRequest what = request == null ? new RetryRequest(null, null, null) : request;
    if (what.tasks() != null && what.tasks().size() > Page.MAX_LIMIT) {
      throw new InvalidParameterException("tasks", "may name at most " + Page.MAX_LIMIT + " tasks");
    }
    List<Integer> numbers = ErrorGroups.tasksToRetry(errors, id, what.errorGroups(), what.tasks());
    int retried = operations.retryFailed(id, actor(), what.errorCodes(), numbers);
    return new RetryView(retried, JobView.of(job(id)));
  }

  /**
   * The body of {@code POST .../retry}; all optional: failed tasks with one of {@code errorCodes},
   * among {@code tasks}, in one of {@code errorGroups} (fingerprints from {@code GET .../errors}).
   */
  public record RetryRequest(
      List<String> errorCodes, List<Integer> tasks, List<String> errorGroups) {}

  /** How many failed tasks run again, and the job now. */
  public record RetryView(int retried, JobView job) {}

  /** Changes what may change of a submitted job: its {@code priority}. */
  @PatchMapping(
      path = "/{id}",
      consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
  public JobView change(@PathVariable UUID id, @RequestBody JobChange change) {
    operator(id);
    if (change.priority() == null) {
      throw new InvalidParameterException("priority", "is required");
    }
    operations.changePriority(id, change.priority(), actor());
    return JobView.of(job(id));
  }

  /**
   * The job's finished tasks as NDJSON (one line each: document id, state, result or error),
   * optionally of one state; streamed, whatever the number of tasks.
   */
  @GetMapping(path = "/{id}/results", produces = "application/x-ndjson")
  @ApiResponse(
      responseCode = "200",
      description =
          "one JSON object per finished task and line: task, documentId, state, attempt,"
              + " startedAt, finishedAt, and result or error",
      content =
          @Content(
              mediaType = "application/x-ndjson",
              schema = @Schema(type = "string"),
              examples =
                  @ExampleObject(
                      value =
                          "{\"task\":1,\"documentId\":\"inv-001.pdf\",\"state\":\"SUCCEEDED\","
                              + "\"attempt\":1,\"result\":{}}")))
  public ResponseEntity<StreamingResponseBody> results(
      @PathVariable UUID id, @RequestParam(required = false) TaskState state) {
    job(id);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/x-ndjson"))
        .body(new ResultExport(tasks, id, state));
  }

  /** Every state change of the job and every operator action on it, oldest first. */
  @GetMapping("/{id}/history")
  public List<JobHistoryEntry> history(@PathVariable UUID id) {
    job(id);
    return jobs.findHistory(id);
  }

  /** The tenant's jobs, newest first; {@code cursor} is the {@code next} of the previous page. */
  @GetMapping
  public Page<JobView> list(
      @RequestParam(required = false) JobState state,
      @RequestParam(required = false) String cursor,
      @RequestParam(required = false) Integer limit) {
    int size = Page.limit(limit);
    JobCursor after = cursor == null ? null : JobCursor.decode(cursor);
    List<JobRow> rows =
        jobs.listForTenant(
            tenant(Role.VIEWER),
            state == null ? null : state.name(),
            after == null ? null : after.createdAt(),
            after == null ? null : after.id(),
            size + 1);
    List<JobView> items = rows.stream().limit(size).map(JobView::of).toList();
    String next = null;
    if (rows.size() > size) {
      JobRow last = rows.get(size - 1);
      next = new JobCursor(last.createdAt(), last.id()).encode();
    }
    return new Page<>(items, next, null);
  }

  /**
   * A job's tasks in number order, optionally of one state; {@code after} is the {@code next} of
   * the previous page.
   */
  @GetMapping("/{id}/tasks")
  public Page<TaskView> tasks(
      @PathVariable UUID id,
      @RequestParam(required = false) TaskState state,
      @RequestParam(required = false) Integer after,
      @RequestParam(required = false) Integer limit) {
    JobRow job = job(id);
    int size = Page.limit(limit);
    if (after != null && after < 0) {
      throw new InvalidParameterException("after", "must not be negative");
    }
    List<TaskRow> rows =
        tasks.findPage(
            id, state == null ? null : state.name(), after == null ? 0 : after, size + 1);
    List<TaskView> items = rows.stream().limit(size).map(TaskView::summary).toList();
    String next = rows.size() > size ? Integer.toString(rows.get(size - 1).number()) : null;
    return new Page<>(items, next, count(job.counts(), state));
  }

  @GetMapping("/{id}/tasks/{number}")
  public TaskView task(@PathVariable UUID id, @PathVariable int number) {
    job(id);
    return tasks
        .find(id, number)
        .map(task -> TaskView.detail(task, attempts.findSuperseded(id, number)))
        .orElseThrow(() -> new TaskNotFoundException(id, number));
  }

  /** The caller's job; another tenant's answers 404 exactly as one that does not exist. */
  private JobRow job(UUID id) {
    return jobs.findForTenant(id, tenant(Role.VIEWER))
        .orElseThrow(() -> new JobNotFoundException(id));
  }

  /** The caller's job, for an operator's action: 404 first, then 403 for a lesser role. */
  private void operator(UUID id) {
    job(id);
    callers.get().require(Role.OPERATOR);
  }

  private String tenant(Role needed) {
    Caller caller = callers.get();
    caller.require(needed);
    return caller.tenant();
  }

  /** How the job's history names the caller: its key's prefix (or the admin). */
  private String actor() {
    return callers.get().actor();
  }

  private static int count(JobCounts counts, TaskState state) {
    if (state == null) {
      return counts.total();
    }
    return switch (state) {
      case PENDING -> counts.pending();
      case QUEUED -> counts.queued();
      case RUNNING -> counts.running();
      case RETRY_WAIT -> counts.retryWait();
      case SUCCEEDED -> counts.succeeded();
      case FAILED -> counts.failed();
      case CANCELLED -> counts.cancelled();
      case SKIPPED -> counts.skipped();
    };
  }
}
