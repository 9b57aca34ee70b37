package io.findoc.batch.coordinator.ui;

import io.findoc.batch.coordinator.api.InvalidParameterException;
import io.findoc.batch.coordinator.control.WorkerDrains;
import io.findoc.batch.coordinator.metrics.WorkerDirectory;
import io.findoc.batch.coordinator.security.Caller;
import io.findoc.batch.coordinator.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.View;

/**
 * The live workers from their heartbeats (as {@link WorkerDirectory} holds them in memory), and for
 * an admin "drain" and "take tasks again", as the API's {@code PUT} and {@code DELETE
 * /api/admin/workers/{worker}/drain} do; the audit trail says who drained which worker.
 */
@Controller
@RequestMapping("${findoc.ui.prefix:/ui}/workers")
public class WorkersPage {

  private final WorkerDirectory directory;
  private final WorkerDrains drains;
  private final UiAudit audit;
  private final UiProperties settings;
  private final Clock clock;

  public WorkersPage(
      WorkerDirectory directory,
      WorkerDrains drains,
      UiAudit audit,
      UiProperties settings,
      Clock clock) {
    this.directory = directory;
    this.drains = drains;
    this.audit = audit;
    this.settings = settings;
    this.clock = clock;
  }

  @GetMapping
  String workers(@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
    // The heartbeats as the coordinator holds them: no metrics snapshot (its figures, backlog and
    // lag) per view, as the page shows none of them.
    model.addAttribute("workers", directory.live());
    model.addAttribute("now", clock.instant());
    return htmx != null ? "ui/workers :: table" : "ui/workers";
  }

  @PostMapping("/{worker}/drain")
  String drain(@PathVariable String worker, HttpServletRequest request) {
    return drainOrNot(worker, true, request);
  }

  @PostMapping("/{worker}/undrain")
  String undrain(@PathVariable String worker, HttpServletRequest request) {
    return drainOrNot(worker, false, request);
  }

  private String drainOrNot(String worker, boolean drain, HttpServletRequest request) {
    Caller caller = UiGate.sessionOf(request).caller();
    caller.require(Role.ADMIN);
    try {
      drains.drain(worker, drain);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("worker", e.getMessage());
    }
    audit.changed(caller, drain ? "drain" : "undrain", "worker " + worker, 1);
    // Post/redirect/get: 303, so that the browser asks for the page with GET.
    request.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.SEE_OTHER);
    return "redirect:"
        + UiLinks.root(request.getRequestURI().substring(settings.prefix().length()))
        + "workers";
  }
}
