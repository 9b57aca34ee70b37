package io.findoc.batch.coordinator.ui;

import io.findoc.batch.common.agent.DaemonThreads;
import io.findoc.batch.coordinator.api.JobNotFoundException;
import io.findoc.batch.coordinator.api.TaskNotFoundException;
import io.findoc.batch.coordinator.api.TaskView;
import io.findoc.batch.coordinator.metrics.MetricsHistory;
import io.findoc.batch.coordinator.metrics.MetricsReporter;
import io.findoc.batch.coordinator.metrics.MetricsSnapshot;
import io.findoc.batch.coordinator.security.Caller;
import io.findoc.batch.coordinator.security.ForbiddenException;
import io.findoc.batch.coordinator.security.Role;
import io.findoc.batch.coordinator.store.AttemptStore;
import io.findoc.batch.coordinator.store.JobRow;
import io.findoc.batch.coordinator.store.JobStore;
import io.findoc.batch.coordinator.store.SecurityStore;
import io.findoc.batch.coordinator.store.TaskStore;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The read-only pages: the overview (the metrics API's figures and history), a task with its
 * attempts and the audit trail.
 */
@Controller
@RequestMapping("${findoc.ui.prefix:/ui}")
public class OtherPages {

  private static final int AUDIT_PAGE = 100;

  private final MetricsReporter reporter;
  private final MetricsHistory history;
  private final JobStore jobs;
  private final TaskStore tasks;
  private final AttemptStore attempts;
  private final SecurityStore security;
  private final Clock clock;
  private final Coalesced<String, Figures> overviews;

  public OtherPages(
      MetricsReporter reporter,
      MetricsHistory history,
      JobStore jobs,
      TaskStore tasks,
      AttemptStore attempts,
      SecurityStore security,
      Clock clock) {
    this.reporter = reporter;
    this.history = history;
    this.jobs = jobs;
    this.tasks = tasks;
    this.attempts = attempts;
    this.security = security;
    this.clock = clock;
    this.overviews =
        new Coalesced<>(
            clock,
            Duration.ofSeconds(1),
            this::figures,
            Executors.newSingleThreadExecutor(DaemonThreads.named("ui-overview-figures")));
  }

  /**
   * The overview; htmx (every few seconds while the tab shows) gets its figures alone. The figures
   * of a tenant are computed at most once a second and shared by all its open tabs.
   */
  @GetMapping("/")
  String overview(
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      HttpServletRequest request,
      Model model) {
    Figures figures = overviews.get(caller(request).tenantId());
    model.addAttribute("metrics", figures.metrics());
    model.addAttribute("series", List.of("throughput", "p95", "errorRate"));
    model.addAttribute("hour", figures.hour());
    model.addAttribute("day", figures.day());
    return htmx != null ? "ui/overview :: figures" : "ui/overview";
  }

  @GetMapping("/jobs/{id}/tasks/{number}")
  String task(
      @PathVariable UUID id, @PathVariable int number, HttpServletRequest request, Model model) {
    Caller caller = caller(request);
    JobRow job =
        (caller.tenantId() == null ? jobs.find(id) : jobs.findForTenant(id, caller.tenantId()))
            .orElseThrow(() -> new JobNotFoundException(id));
    TaskView task =
        tasks
            .find(id, number)
            .map(t -> TaskView.detail(t, attempts.findSuperseded(id, number)))
            .orElseThrow(() -> new TaskNotFoundException(id, number));
    model.addAttribute("job", job);
    model.addAttribute("task", task);
    model.addAttribute("summary", ResultSummary.of(task.result()));
    return "ui/task";
  }

  /** The audit trail: the tenant's for its operator or admin key, everyone's for the platform's. */
  @GetMapping("/audit")
  String audit(
      @RequestParam(required = false) Long before, HttpServletRequest request, Model model) {
    Caller caller = caller(request);
    if (!caller.role().covers(Role.OPERATOR)) {
      throw new ForbiddenException("the audit trail needs the role operator or more");
    }
    List<SecurityStore.AuditEvent> events =
        security.listAuditEvents(
            caller.tenantId(), before == null ? Long.MAX_VALUE : before, AUDIT_PAGE);
    model.addAttribute("events", events);
    model.addAttribute(
        "nextBefore", events.size() == AUDIT_PAGE ? events.get(events.size() - 1).id() : null);
    return "ui/audit";
  }

  /** The overview's figures of a tenant (null: the platform's). */
  record Figures(
      MetricsSnapshot metrics, MetricsHistory.History hour, MetricsHistory.History day) {}

  private Figures figures(String tenantId) {
    Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
    return new Figures(
        reporter.snapshot(tenantId),
        history.of(tenantId, minute.minus(Duration.ofHours(1)), minute, Duration.ofMinutes(1)),
        history.of(tenantId, minute.minus(Duration.ofDays(1)), minute, Duration.ofMinutes(30)));
  }

  private static Caller caller(HttpServletRequest request) {
    return UiGate.sessionOf(request).caller();
  }
}
