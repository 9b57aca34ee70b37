package io.findoc.batch.coordinator.api;

import io.findoc.batch.coordinator.control.ControlNotPublishedException;
import io.findoc.batch.coordinator.control.JobStateConflictException;
import io.findoc.batch.coordinator.security.BodyTooLargeException;
import io.findoc.batch.coordinator.security.ForbiddenException;
import io.findoc.batch.coordinator.submission.InvalidSubmissionException;
import io.findoc.batch.coordinator.submission.JsonViolations;
import io.findoc.batch.coordinator.submission.QueueLimitExceededException;
import io.findoc.batch.coordinator.validation.Violation;
import io.findoc.batch.coordinator.webhooks.InvalidWebhookException;
import io.findoc.batch.coordinator.webhooks.WebhookDisabledException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Turns every failed request into an RFC 9457 problem+json body. Client errors name the field or
 * parameter at fault in {@code errors: [{field, message}]}; server errors carry an id that is also
 * in the log.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(InvalidSubmissionException.class)
  ResponseEntity<Object> invalidSubmission(InvalidSubmissionException e) {
    return problem(
        HttpStatus.BAD_REQUEST, "invalid-submission", "Invalid job submission", e.violations());
  }

  @ExceptionHandler(InvalidWebhookException.class)
  ResponseEntity<Object> invalidWebhook(InvalidWebhookException e) {
    return problem(
        HttpStatus.BAD_REQUEST, "invalid-webhook", "Invalid webhook endpoint", e.violations());
  }

  @ExceptionHandler(InvalidParameterException.class)
  ResponseEntity<Object> invalidParameter(InvalidParameterException e) {
    return problem(
        HttpStatus.BAD_REQUEST,
        "invalid-parameter",
        "Invalid parameter",
        List.of(new Violation(e.parameter(), e.reason())));
  }

  @ExceptionHandler(ForbiddenException.class)
  ResponseEntity<Object> forbidden(ForbiddenException e) {
    return answer(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage());
  }

  @ExceptionHandler(BodyTooLargeException.class)
  ResponseEntity<Object> bodyTooLarge(BodyTooLargeException e) {
    return answer(
        HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large", e.getMessage());
  }

  @ExceptionHandler({
    JobNotFoundException.class,
    TaskNotFoundException.class,
    NotFoundException.class
  })
  ResponseEntity<Object> notFound(RuntimeException e) {
    return answer(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
  }

  @ExceptionHandler(QueueLimitExceededException.class)
  ResponseEntity<Object> queueLimit(QueueLimitExceededException e) {
    ProblemDetail body =
        problem(
            HttpStatus.TOO_MANY_REQUESTS,
            "queue-limit",
            "Too many unfinished tasks",
            e.getMessage());
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfter().toSeconds()))
        .body(body);
  }

  @ExceptionHandler(JobStateConflictException.class)
  ResponseEntity<Object> stateConflict(JobStateConflictException e) {
    ProblemDetail body =
        problem(
            HttpStatus.CONFLICT,
            "job-state-conflict",
            "The job's state does not allow this",
            e.getMessage());
    body.setProperty("state", e.state());
    return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
  }

  @ExceptionHandler(WebhookDisabledException.class)
  ResponseEntity<Object> webhookDisabled(WebhookDisabledException e) {
    return answer(
        HttpStatus.CONFLICT, "webhook-disabled", "The webhook is disabled", e.getMessage());
  }

  @ExceptionHandler(ControlNotPublishedException.class)
  ResponseEntity<Object> controlNotPublished(ControlNotPublishedException e) {
    LOG.warn("Control signal not published.", e);
    ProblemDetail body =
        problem(
            HttpStatus.SERVICE_UNAVAILABLE,
            "control-not-published",
            "Workers not told",
            e.getMessage());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "1")
        .body(body);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e) {
    String incident = UUID.randomUUID().toString();
    LOG.error(
        "Request failed unexpectedly (incident {}); nothing of it was committed.", incident, e);
    ProblemDetail body =
        problem(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "internal-error",
            "Internal error",
            "The request failed on our side; quote incident " + incident + " when reporting it.");
    body.setProperty("incident", incident);
    return ResponseEntity.internalServerError().body(body);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof BodyTooLargeException tooLarge) {
        return bodyTooLarge(tooLarge);
      }
    }
    return problem(
        HttpStatus.BAD_REQUEST,
        "unreadable-body",
        "Unreadable request body",
        List.of(violation(e)));
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String name =
        e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
    String expected =
        e.getRequiredType() == null ? "another type" : JsonViolations.describe(e.getRequiredType());
    return problem(
        HttpStatus.BAD_REQUEST,
        "invalid-parameter",
        "Invalid parameter",
        List.of(new Violation(name, "'" + e.getValue() + "' is not " + expected)));
  }

  private static Violation violation(HttpMessageNotReadableException e) {
    if (e.getCause() instanceof JacksonException jackson) {
      return JsonViolations.of(jackson, "");
    }
    return new Violation("$", "a JSON body is required");
  }

  /** A client error naming each field or parameter at fault in {@code errors}. */
  private static ResponseEntity<Object> problem(
      HttpStatus status, String type, String title, List<Violation> violations) {
    ProblemDetail body =
        problem(
            status,
            type,
            title,
            violations.get(0).field()
                + ": "
                + violations.get(0).message()
                + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : ""));
    body.setProperty("errors", violations);
    return ResponseEntity.status(status).body(body);
  }

  /** A problem as the whole answer, with no header or property of its own. */
  private static ResponseEntity<Object> answer(
      HttpStatus status, String type, String title, String detail) {
    return ResponseEntity.status(status).body(problem(status, type, title, detail));
  }

  /** The one place a problem is built: type {@code urn:findoc:problem:<type>}, title, detail. */
  private static ProblemDetail problem(
      HttpStatus status, String type, String title, String detail) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setType(URI.create("urn:findoc:problem:" + type));
    body.setTitle(title);
    return body;
  }
}
