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
        List.of(
            new Violation(e.parameter(), e.getMessage().substring(e.parameter().length() + 2))));
  }

  @ExceptionHandler(ForbiddenException.class)
  ResponseEntity<Object> forbidden(ForbiddenException e) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    body.setType(type("forbidden"));
    body.setTitle("Forbidden");
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(body);
  }

  @ExceptionHandler(BodyTooLargeException.class)
  ResponseEntity<Object> bodyTooLarge(BodyTooLargeException e) {
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
    body.setType(type("body-too-large"));
    body.setTitle("Request body too large");
    return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(body);
  }

  @ExceptionHandler({
    JobNotFoundException.class,
    TaskNotFoundException.class,
    NotFoundException.class
  })
  ResponseEntity<Object> notFound(RuntimeException e) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    body.setType(type("not-found"));
    body.setTitle("Not found");
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(body);
  }

  @ExceptionHandler(QueueLimitExceededException.class)
  ResponseEntity<Object> queueLimit(QueueLimitExceededException e) {
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
    body.setType(type("queue-limit"));
    body.setTitle("Too many unfinished tasks");
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfter().toSeconds()))
        .body(body);
  }

  @ExceptionHandler(JobStateConflictException.class)
  ResponseEntity<Object> stateConflict(JobStateConflictException e) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    body.setType(type("job-state-conflict"));
    body.setTitle("The job's state does not allow this");
    body.setProperty("state", e.state());
    return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
  }

  @ExceptionHandler(WebhookDisabledException.class)
  ResponseEntity<Object> webhookDisabled(WebhookDisabledException e) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    body.setType(type("webhook-disabled"));
    body.setTitle("The webhook is disabled");
    return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
  }

  @ExceptionHandler(ControlNotPublishedException.class)
  ResponseEntity<Object> controlNotPublished(ControlNotPublishedException e) {
    LOG.warn("Control signal not published.", e);
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    body.setType(type("control-not-published"));
    body.setTitle("Workers not told");
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
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "The request failed on our side; quote incident " + incident + " when reporting it.");
    body.setType(type("internal-error"));
    body.setTitle("Internal error");
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

  private static ResponseEntity<Object> problem(
      HttpStatus status, String type, String title, List<Violation> violations) {
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(
            status,
            violations.get(0).field()
                + ": "
                + violations.get(0).message()
                + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : ""));
    body.setType(type(type));
    body.setTitle(title);
    body.setProperty("errors", violations);
    return ResponseEntity.status(status).body(body);
  }

  private static URI type(String name) {
    return URI.create("urn:findoc:problem:" + name);
  }
}
