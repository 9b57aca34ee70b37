package io.findoc.batch.coordinator.ui;

import io.findoc.batch.coordinator.api.InvalidParameterException;
import io.findoc.batch.coordinator.api.JobNotFoundException;
import io.findoc.batch.coordinator.control.JobOperations;
import io.findoc.batch.coordinator.security.Caller;
import io.findoc.batch.coordinator.security.Role;
import io.findoc.batch.coordinator.store.DeadLetterStore;
import io.findoc.batch.coordinator.store.DeadLetterStore.DeadLetter;
import io.findoc.batch.coordinator.store.JobStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
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
 * task again as a new attempt (the job's retry of failed tasks, as the API's does), audited.
 */
@Controller
@RequestMapping("${findoc.ui.prefix:/ui}/dead-letters")
public class DeadLettersPage {

  private static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");

  private final Jdbi jdbi;
  private final JobStore jobs;
  private final JobOperations operations;
  private final UiAudit audit;
  private final UiProperties settings;

  public DeadLettersPage(
      Jdbi jdbi, JobStore jobs, JobOperations operations, UiAudit audit, UiProperties settings) {
    this.jdbi = jdbi;
    this.jobs = jobs;
    this.operations = operations;
    this.audit = audit;
    this.settings = settings;
  }

  @GetMapping
  String deadLetters(
      @RequestParam(required = false) String job,
      @RequestParam(required = false) String errorCode,
      @RequestParam(required = false) String after,
      HttpServletRequest request,
      Model model) {
    Caller caller = UiGate.sessionOf(request).caller();
    UUID jobId = blank(job) ? null : uuid("job", job.strip());
    String code = blank(errorCode) ? null : errorCode(errorCode.strip());
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
    model.addAttribute(
        "query",
        (jobId == null ? "" : "&job=" + jobId) + (code == null ? "" : "&errorCode=" + code));
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
