package io.findoc.batch.coordinator.ui;

import io.findoc.batch.coordinator.api.InvalidParameterException;
import io.findoc.batch.coordinator.api.JobNotFoundException;
import io.findoc.batch.coordinator.control.JobOperations;
import io.findoc.batch.coordinator.security.Caller;
import io.findoc.batch.coordinator.security.ForbiddenException;
import io.findoc.batch.coordinator.security.Role;
import io.findoc.batch.coordinator.store.DeadLetterStore;
import io.findoc.batch.coordinator.store.DeadLetterStore.DeadLetter;
import io.findoc.batch.coordinator.store.DeadLetterStore.JobLetters;
import io.findoc.batch.coordinator.store.JobStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;

/**
 * The dead letters: the tasks that failed for good, of the caller's tenant (every tenant's for the
 * platform admin), filtered by job and error code, with keyset paging; "redeliver" sends one such
 * task again as a new attempt (the job's retry of failed tasks, as the API's does), audited;
 * "redeliver all matching" sends every dead letter the filter matches again, job by job ({@link
 * BulkActions}), previewed with its count and confirmed by typing the count above {@code
 * findoc.ui.confirm-above}, as the jobs page's bulk actions are.
 */
@Controller
@RequestMapping("${findoc.ui.prefix:/ui}/dead-letters")
public class DeadLettersPage {

  private static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");

  private final Jdbi jdbi;
  private final JobStore jobs;
  private final JobOperations operations;
  private final UiAudit audit;
  private final BulkActions bulk;
  private final UiProperties settings;

  public DeadLettersPage(
      Jdbi jdbi,
      JobStore jobs,
      JobOperations operations,
      UiAudit audit,
      BulkActions bulk,
      UiProperties settings) {
    this.jdbi = jdbi;
    this.jobs = jobs;
    this.operations = operations;
    this.audit = audit;
    this.bulk = bulk;
    this.settings = settings;
  }

  /** The list's filter: a job, an error code, each optional. */
  public record Filter(UUID job, String errorCode) {

    static Filter of(String job, String errorCode) {
      return new Filter(
          blank(job) ? null : uuid("job", job.strip()),
          blank(errorCode) ? null : DeadLettersPage.errorCode(errorCode.strip()));
    }

    /** As query parameters, each with its leading {@code &}. */
    String query() {
      return (job == null ? "" : "&job=" + job)
          + (errorCode == null ? "" : "&errorCode=" + errorCode);
    }

    /** In words, for the audit trail. */
    public String describe() {
      Map<String, String> values = new LinkedHashMap<>();
      if (job != null) {
        values.put("job", job.toString());
      }
      if (errorCode != null) {
        values.put("errorCode", errorCode);
      }
      return values.isEmpty() ? "all dead letters" : "dead letters " + values;
    }
  }

  @GetMapping
  String deadLetters(
      @RequestParam(required = false) String job,
      @RequestParam(required = false) String errorCode,
      @RequestParam(required = false) String after,
      HttpServletRequest request,
      Model model) {
    Caller caller = UiGate.sessionOf(request).caller();
    Filter filter = Filter.of(job, errorCode);
    UUID jobId = filter.job();
    String code = filter.errorCode();
    UUID afterJob = null;
    int afterNumber = 0;
    if (!blank(after)) {
      int colon = after.indexOf(':');
      afterJob = colon < 0 ? null : uuid("after", after.substring(0, colon));
      afterNumber = number(after.substring(colon + 1));
    }
    int size = settings.pageSize();
    UUID cursorJob = afterJob;
    int cursorNumber = afterNumber;
    List<DeadLetter> rows =
        jdbi.withExtension(
            DeadLetterStore.class,
            store ->
                store.findPage(caller.tenantId(), jobId, code, cursorJob, cursorNumber, size + 1));
    String next = null;
    if (rows.size() > size) {
      DeadLetter last = rows.get(size - 1);
      next = last.jobId() + ":" + last.number();
    }
    model.addAttribute("letters", rows.stream().limit(size).toList());
    model.addAttribute("job", jobId);
    model.addAttribute("errorCode", code);
    model.addAttribute("query", filter.query());
    model.addAttribute("next", next);
    return "ui/dead-letters";
  }

  /** Sends one dead letter again: its task gets a new attempt. */
  @PostMapping("/redeliver")
  String redeliver(
      @RequestParam String job, @RequestParam String task, HttpServletRequest request) {
    Caller caller = UiGate.sessionOf(request).caller();
    caller.require(Role.OPERATOR);
    UUID jobId = uuid("job", job.strip());
    int number = number(task);
    (caller.tenantId() == null ? jobs.find(jobId) : jobs.findForTenant(jobId, caller.tenantId()))
        .orElseThrow(() -> new JobNotFoundException(jobId));
    int sent = operations.retryFailed(jobId, caller.actor(), null, List.of(number));
    audit.changed(caller, "redeliver dead letter", "job " + jobId + " task " + number, sent);
    // Post/redirect/get: 303, so that the browser asks for the list with GET.
    request.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.SEE_OTHER);
    return "redirect:../dead-letters?job=" + jobId + "&sent=" + sent;
  }

  /** The preview of "redeliver all matching": how many dead letters of how many jobs. */
  @GetMapping("/redeliver-all")
  String redeliverAllPreview(
      @RequestParam(required = false) String job,
      @RequestParam(required = false) String errorCode,
      HttpServletRequest request,
      Model model) {
    Caller caller = UiGate.sessionOf(request).caller();
    Filter filter = Filter.of(job, errorCode);
    List<JobLetters> matching = matching(caller, filter);
    long letters =
        matching.stream().limit(settings.bulkLimit()).mapToLong(JobLetters::letters).sum();
    model.addAttribute("filter", filter);
    model.addAttribute("matching", letters);
    model.addAttribute("matchingJobs", Math.min(matching.size(), settings.bulkLimit()));
    model.addAttribute("truncated", matching.size() > settings.bulkLimit());
    model.addAttribute("typeToConfirm", letters > settings.confirmAbove());
    return "ui/bulk :: dead-letters-preview";
  }

  /**
   * Sends every dead letter the filter matches again (of up to {@code bulk-limit} jobs), once the
   * preview's count is confirmed.
   */
  @PostMapping("/redeliver-all")
  String redeliverAll(
      @RequestParam(required = false) String job,
      @RequestParam(required = false) String errorCode,
      @RequestParam(required = false) Long expected,
      @RequestParam(required = false) String confirmation,
      HttpServletRequest request,
      Model model) {
    Caller caller = UiGate.sessionOf(request).caller();
    caller.require(Role.OPERATOR);
    Filter filter = Filter.of(job, errorCode);
    bulk.requireConfirmation(expected, confirmation, "dead letters");
    if (caller.tenantId() == null && filter.job() == null) {
      throw new ForbiddenException(
          "a redelivery of all matching dead letters by the platform admin names its job:"
              + " filter by job first");
    }
    List<UUID> jobIds = matching(caller, filter).stream().map(JobLetters::jobId).toList();
    model.addAttribute(
        "redelivery",
        bulk.redeliverDeadLetters(caller, jobIds, filter.errorCode(), filter.describe()));
    return "ui/bulk :: dead-letters-done";
  }

  /** The jobs with matching dead letters, one more than {@code bulk-limit} at most. */
  private List<JobLetters> matching(Caller caller, Filter filter) {
    return jdbi.withExtension(
        DeadLetterStore.class,
        store ->
            store.countByJob(
                caller.tenantId(), filter.job(), filter.errorCode(), settings.bulkLimit() + 1));
  }

  private static UUID uuid(String parameter, String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException(parameter, "must be a job id (a UUID)");
    }
  }

  private static int number(String text) {
    try {
      int number = Integer.parseInt(text.strip());
      if (number >= 0) {
        return number;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new InvalidParameterException("task", "must be a task number");
  }

  private static String errorCode(String text) {
    if (!ERROR_CODE.matcher(text).matches()) {
      throw new InvalidParameterException(
          "errorCode", "must be an error code such as DOC_UNREADABLE (letters, digits, _ . : -)");
    }
    return text;
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
