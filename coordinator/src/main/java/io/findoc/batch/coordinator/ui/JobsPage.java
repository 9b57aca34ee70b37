package io.findoc.batch.coordinator.ui;

import io.findoc.batch.coordinator.api.JobCursor;
import io.findoc.batch.coordinator.progress.JobView;
import io.findoc.batch.coordinator.security.Caller;
import io.findoc.batch.coordinator.security.ForbiddenException;
import io.findoc.batch.coordinator.store.DashboardStore;
import io.findoc.batch.coordinator.store.JobRow;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The jobs page: the filter in the address (state, priority, name, created from/to, tenant for the
 * platform admin), newest first with keyset paging, each row with its progress, rate and ETA read
 * from the job's counters; and bulk pause, resume, cancel or retry of every job the filter matches,
 * previewed with its count and confirmed by typing the count above {@code findoc.ui.confirm-above}.
 */
@Controller
@RequestMapping("${findoc.ui.prefix:/ui}/jobs")
public class JobsPage {

  private final DashboardStore store;
  private final BulkActions bulk;
  private final UiProperties settings;
  private final Clock clock;

  public JobsPage(DashboardStore store, BulkActions bulk, UiProperties settings, Clock clock) {
    this.store = store;
    this.bulk = bulk;
    this.settings = settings;
    this.clock = clock;
  }

  /** The page, or (for htmx) its rows alone: a filter applied, or the next page appended. */
  @GetMapping
  String jobs(
      @RequestParam(required = false) String cursor,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      HttpServletRequest request,
      Model model) {
    Caller caller = UiGate.sessionOf(request).caller();
    JobFilter filter = JobFilter.of(request);
    JobCursor after = cursor == null || cursor.isBlank() ? null : JobCursor.decode(cursor);
    int size = settings.pageSize();
    List<JobRow> rows =
        store.listJobs(
            filter.selection(caller),
            after == null ? null : after.createdAt(),
            after == null ? null : after.id(),
            size + 1);
    Instant now = clock.instant();
    List<JobView> jobs = rows.stream().limit(size).map(row -> JobView.of(row, now)).toList();
    String next = null;
    if (rows.size() > size) {
      JobRow last = rows.get(size - 1);
      next = new JobCursor(last.createdAt(), last.id()).encode();
    }
    model.addAttribute("filter", filter);
    model.addAttribute("jobs", jobs);
    model.addAttribute("next", next);
    model.addAttribute("admin", caller.tenantId() == null);
    model.addAttribute("states", io.findoc.batch.common.state.JobState.values());
    model.addAttribute("priorities", io.findoc.batch.common.message.Priority.values());
    model.addAttribute("bulkActions", BulkActions.Action.values());
    if (htmx != null && after != null) {
      return "ui/jobs :: more";
    }
    if (htmx != null) {
      return "ui/jobs :: results";
    }
    return "ui/jobs";
  }

  /** The preview of a bulk action: how many jobs the filter matches, and the form to confirm. */
  @GetMapping("/bulk")
  String preview(@RequestParam String action, HttpServletRequest request, Model model) {
    Caller caller = UiGate.sessionOf(request).caller();
    BulkActions.Action what = BulkActions.Action.parse(action);
    JobFilter filter = JobFilter.of(request);
    long matching = store.countJobs(filter.selection(caller));
    model.addAttribute("action", what);
    model.addAttribute("filter", filter);
    model.addAttribute("matching", matching);
    model.addAttribute("limit", settings.bulkLimit());
    model.addAttribute("typeToConfirm", matching > settings.confirmAbove());
    return "ui/bulk :: preview";
  }

  /** Applies a bulk action to every job the filter matches (up to {@code bulk-limit}). */
  @PostMapping("/bulk")
  String apply(
      @RequestParam String action,
      @RequestParam(required = false) Long expected,
      @RequestParam(required = false) String confirmation,
      HttpServletRequest request,
      Model model) {
    Caller caller = UiGate.sessionOf(request).caller();
    BulkActions.Action what = BulkActions.Action.parse(action);
    JobFilter filter = JobFilter.of(request);
    bulk.requireConfirmation(expected, confirmation, "jobs");
    if (caller.tenantId() == null && filter.tenant() == null) {
      throw new ForbiddenException(
          "a bulk action of the platform admin names its tenant: filter by tenant first");
    }
    BulkActions.Outcome outcome = bulk.apply(caller, what, filter);
    model.addAttribute("outcome", outcome);
    model.addAttribute("filter", filter);
    return "ui/bulk :: done";
  }
}
