package io.findoc.batch.coordinator.ui;

import io.findoc.batch.common.message.Priority;
import io.findoc.batch.common.state.TaskState;
import io.findoc.batch.coordinator.api.InvalidParameterException;
import io.findoc.batch.coordinator.api.JobErrorsController;
import io.findoc.batch.coordinator.api.JobNotFoundException;
import io.findoc.batch.coordinator.api.ResultExport;
import io.findoc.batch.coordinator.control.JobOperations;
import io.findoc.batch.coordinator.progress.JobView;
import io.findoc.batch.coordinator.progress.ProgressStreams;
import io.findoc.batch.coordinator.security.Caller;
import io.findoc.batch.coordinator.security.Role;
import io.findoc.batch.coordinator.store.ErrorStore;
import io.findoc.batch.coordinator.store.EventStore;
import io.findoc.batch.coordinator.store.JobRow;
import io.findoc.batch.coordinator.store.JobStore;
import io.findoc.batch.coordinator.store.TaskRow;
import io.findoc.batch.coordinator.store.TaskStore;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A job's page: its progress live (the job's progress stream, {@link ProgressStreams}, as the API
 * serves it), its history, its latest events (as webhooks and the events stream get them), its
 * failures grouped by fingerprint with "retry this group", its tasks by state with keyset paging,
 * the results (NDJSON) and failure report (CSV) to download, and pause, resume, cancel and
 * priority. Another tenant's job is not found, as in the API.
 */
@Controller
@RequestMapping("${findoc.ui.prefix:/ui}/jobs/{id}")
public class JobPage {

  private static final Duration LONGEST_STREAM = Duration.ofMinutes(30);
  private static final int GROUPS = 50;
  private static final int SAMPLES = 3;
  private static final int EVENTS = 50;
  private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{12}");

  private final JobStore jobs;
  private final TaskStore tasks;
  private final ErrorStore errors;
  private final Jdbi jdbi;
  private final JobOperations operations;
  private final ProgressStreams streams;
  private final UiAudit audit;
  private final UiProperties settings;
  private final Clock clock;

  public JobPage(
      JobStore jobs,
      TaskStore tasks,
      ErrorStore errors,
      Jdbi jdbi,
      JobOperations operations,
      ProgressStreams streams,
      UiAudit audit,
      UiProperties settings,
      Clock clock) {
    this.jobs = jobs;
    this.tasks = tasks;
    this.errors = errors;
    this.jdbi = jdbi;
    this.operations = operations;
    this.streams = streams;
    this.audit = audit;
    this.settings = settings;
    this.clock = clock;
  }

  @GetMapping
  String job(@PathVariable UUID id, HttpServletRequest request, Model model) {
    JobRow job = job(id, request);
    model.addAttribute("job", JobView.of(job, clock.instant()));
    model.addAttribute("history", jobs.findHistory(id));
    model.addAttribute("groups", errors.findGroups(id, SAMPLES, GROUPS));
    model.addAttribute(
        "events", jdbi.withExtension(EventStore.class, e -> e.findLatestForJob(id, EVENTS)));
    model.addAttribute("priorities", Priority.values());
    model.addAttribute("taskStates", TaskState.values());
    tasksPage(job, TaskFilter.of(null, null, null, null), null, model);
    return "ui/job";
  }

  /** The job's heading and controls, which the page reloads when the job's state changed. */
  @GetMapping("/head")
  String headFragment(@PathVariable UUID id, HttpServletRequest request, Model model) {
    return head(id, request, model);
  }

  /**
   * The task table: filtered by state, error code, worker and least attempt, after task {@code
   * after}; htmx gets the rows alone.
   */
  @GetMapping("/tasks")
  String tasks(
      @PathVariable UUID id,
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String errorCode,
      @RequestParam(required = false) String worker,
      @RequestParam(required = false) String attempt,
      @RequestParam(required = false) Integer after,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      HttpServletRequest request,
      Model model) {
    JobRow job = job(id, request);
    model.addAttribute("job", JobView.of(job, clock.instant()));
    model.addAttribute("taskStates", TaskState.values());
    tasksPage(job, TaskFilter.of(state, errorCode, worker, attempt), after, model);
    if (htmx != null && after != null) {
      return "ui/job :: task-more";
    }
    return "ui/job :: tasks";
  }

  /** The job's progress as Server-Sent Events: the API's stream of the job, one per view. */
  @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @org.springframework.web.bind.annotation.ResponseBody
  SseEmitter stream(@PathVariable UUID id, HttpServletRequest request) {
    job(id, request);
    return streams.open(id, LONGEST_STREAM);
  }

  @GetMapping("/results")
  ResponseEntity<StreamingResponseBody> results(@PathVariable UUID id, HttpServletRequest request) {
    job(id, request);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/x-ndjson"))
        .header(
            HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"results-" + id + ".ndjson\"")
        .body(new ResultExport(tasks, id, null));
  }

  @GetMapping("/failures.csv")
  ResponseEntity<StreamingResponseBody> failures(
      @PathVariable UUID id, HttpServletRequest request) {
    job(id, request);
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"failures-" + id + ".csv\"")
        .body(JobErrorsController.failureCsv(errors, id));
  }

  /** Pauses, resumes or cancels the job. */
  @PostMapping("/{control:pause|resume|cancel}")
  String control(
      @PathVariable UUID id,
      @PathVariable String control,
      HttpServletRequest request,
      Model model) {
    Caller caller = operator(id, request);
    switch (control) {
      case "pause" -> operations.pause(id, caller.actor());
      case "resume" -> operations.resume(id, caller.actor());
      case "cancel" -> operations.cancel(id, caller.actor(), "cancelled from the dashboard");
    }
    audit.changed(caller, control, "job " + id, 1);
    return head(id, request, model);
  }

  @PostMapping("/priority")
  String priority(
      @PathVariable UUID id,
      @RequestParam String priority,
      HttpServletRequest request,
      Model model) {
    Caller caller = operator(id, request);
    Priority chosen =
        java.util.Arrays.stream(Priority.values())
            .filter(p -> p.wireName().equalsIgnoreCase(priority))
            .findFirst()
            .orElseThrow(
                () -> new InvalidParameterException("priority", "must be high, normal or low"));
    operations.changePriority(id, chosen, caller.actor());
    audit.changed(caller, "priority " + chosen.wireName(), "job " + id, 1);
    return head(id, request, model);
  }

  /** Runs the failed tasks of one failure group again. */
  @PostMapping("/retry")
  String retryGroup(
      @PathVariable UUID id, @RequestParam String group, HttpServletRequest request, Model model) {
    Caller caller = operator(id, request);
    if (!FINGERPRINT.matcher(group).matches()) {
      throw new InvalidParameterException("group", "must be a fingerprint of 12 hex digits");
    }
    List<Integer> numbers = errors.findNumbersInGroups(id, new String[] {group});
    int retried = numbers.isEmpty() ? 0 : operations.retryFailed(id, caller.actor(), null, numbers);
    audit.changed(caller, "retry group", "job " + id + " failures " + group, retried);
    model.addAttribute("retried", retried);
    model.addAttribute("groups", errors.findGroups(id, SAMPLES, GROUPS));
    model.addAttribute("job", JobView.of(job(id, request), clock.instant()));
    return "ui/job :: groups";
  }

  /**
   * After a change: htmx gets the job's heading; a plain form (a page without script) is sent back
   * to the job's page.
   */
  private String head(UUID id, HttpServletRequest request, Model model) {
    if (request.getHeader("HX-Request") == null) {
      return "redirect:"
          + UiLinks.root(request.getRequestURI().substring(settings.prefix().length()))
          + "jobs/"
          + id;
    }
    model.addAttribute("job", JobView.of(job(id, request), clock.instant()));
    model.addAttribute("priorities", Priority.values());
    return "ui/job :: head";
  }

  /**
   * One page of the task table. A page reads at most {@code findoc.ui.tasks-searched-per-page} task
   * numbers through the primary key: a filter that few tasks match ends its page early with what it
   * found, and "more" goes on from where the search stopped.
   */
  private void tasksPage(JobRow job, TaskFilter filter, Integer after, Model model) {
    if (after != null && after < 0) {
      throw new InvalidParameterException("after", "must not be negative");
    }
    int from = after == null ? 0 : after;
    int total = job.counts().total();
    int upTo = (int) Math.min((long) from + settings.tasksSearchedPerPage(), total);
    int size = settings.pageSize();
    List<TaskRow> rows =
        tasks.findFilteredPage(
            job.id(),
            filter.state() == null ? null : filter.state().name(),
            filter.errorCode(),
            filter.worker(),
            filter.leastAttempt(),
            from,
            upTo,
            size + 1);
    Integer next = null;
    Integer searchedTo = null;
    if (rows.size() > size) {
      next = rows.get(size - 1).number();
    } else if (upTo < total) {
      next = upTo;
      searchedTo = upTo;
    }
    model.addAttribute("tasks", rows.stream().limit(size).toList());
    model.addAttribute("taskFilter", filter);
    model.addAttribute("taskState", filter.state());
    model.addAttribute("nextTask", next);
    model.addAttribute("searchedTo", searchedTo);
  }

  /** The caller's job (any, for the platform admin); another tenant's is not found. */
  private JobRow job(UUID id, HttpServletRequest request) {
    Caller caller = UiGate.sessionOf(request).caller();
    return (caller.tenantId() == null ? jobs.find(id) : jobs.findForTenant(id, caller.tenantId()))
        .orElseThrow(() -> new JobNotFoundException(id));
  }

  private Caller operator(UUID id, HttpServletRequest request) {
    job(id, request);
    Caller caller = UiGate.sessionOf(request).caller();
    caller.require(Role.OPERATOR);
    return caller;
  }
}
