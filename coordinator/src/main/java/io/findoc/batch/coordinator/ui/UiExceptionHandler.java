package io.findoc.batch.coordinator.ui;

import io.findoc.batch.coordinator.api.InvalidParameterException;
import io.findoc.batch.coordinator.api.NotFoundException;
import io.findoc.batch.coordinator.control.JobStateConflictException;
import io.findoc.batch.coordinator.security.ForbiddenException;
import io.findoc.batch.coordinator.submission.InvalidSubmissionException;
import io.findoc.batch.coordinator.submission.QueueLimitExceededException;
import io.findoc.batch.coordinator.validation.Violation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The dashboard's refusals as a page (or, for htmx, the message alone, which the page shows): not
 * found, forbidden, a state that forbids the action, an invalid parameter or submission. A refused
 * change is written to the audit trail with its status.
 */
@ControllerAdvice(basePackageClasses = UiExceptionHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UiExceptionHandler {

  private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");

  private final UiAudit audit;
  private final UiProperties settings;

  public UiExceptionHandler(UiAudit audit, UiProperties settings) {
    this.audit = audit;
    this.settings = settings;
  }

  @ExceptionHandler(NotFoundException.class)
  String notFound(
      RuntimeException e, HttpServletRequest request, HttpServletResponse response, Model model) {
    return refused(404, e.getMessage(), List.of(), request, response, model);
  }

  @ExceptionHandler(ForbiddenException.class)
  String forbidden(
      RuntimeException e, HttpServletRequest request, HttpServletResponse response, Model model) {
    return refused(403, e.getMessage(), List.of(), request, response, model);
  }

  @ExceptionHandler({
    JobStateConflictException.class,
    io.findoc.batch.coordinator.webhooks.WebhookDisabledException.class
  })
  String conflict(
      RuntimeException e, HttpServletRequest request, HttpServletResponse response, Model model) {
    return refused(409, e.getMessage(), List.of(), request, response, model);
  }

  @ExceptionHandler(io.findoc.batch.coordinator.control.ControlNotPublishedException.class)
  String notPublished(
      RuntimeException e, HttpServletRequest request, HttpServletResponse response, Model model) {
    return refused(503, e.getMessage(), List.of(), request, response, model);
  }

  @ExceptionHandler(QueueLimitExceededException.class)
  String queueFull(
      RuntimeException e, HttpServletRequest request, HttpServletResponse response, Model model) {
    return refused(429, e.getMessage(), List.of(), request, response, model);
  }

  @ExceptionHandler(InvalidParameterException.class)
  String invalidParameter(
      InvalidParameterException e,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return refused(400, e.getMessage(), List.of(), request, response, model);
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  String missingParameter(
      MissingServletRequestParameterException e,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return refused(
        400, e.getParameterName() + ": is required", List.of(), request, response, model);
  }

  @ExceptionHandler(InvalidSubmissionException.class)
  String invalidSubmission(
      InvalidSubmissionException e,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return refused(400, "the submission is not valid", e.violations(), request, response, model);
  }

  private String refused(
      int status,
      String message,
      List<Violation> violations,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    response.setStatus(status);
    UiSession session = (UiSession) request.getAttribute(UiSession.class.getName());
    if (session != null && CHANGES.contains(request.getMethod())) {
      audit.refused(
          session.caller(), request.getMethod() + " " + request.getRequestURI(), message, status);
    }
    model.addAttribute(
        "root", UiLinks.root(request.getRequestURI().substring(settings.prefix().length())));
    model.addAttribute("ui", session);
    model.addAttribute("status", status);
    model.addAttribute("message", message);
    model.addAttribute("violations", violations);
    if (request.getHeader("HX-Request") != null) {
      return "ui/error :: message";
    }
    return "ui/error";
  }
}
