package io.findoc.batch.coordinator.security;

import io.findoc.batch.coordinator.store.SecurityStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records every request that changes something (POST, PUT, PATCH, DELETE) once it is answered: who
 * (the key's prefix and role), for which tenant, what (method and route), on what (the path), and
 * the status it got, refusals included. Submissions are recorded too.
 */
@Component
public class AuditTrail implements HandlerInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
  private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");

  private final SecurityStore store;

  public AuditTrail(SecurityStore store) {
    this.store = store;
  }

  @Override
  public void afterCompletion(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    Caller caller = CurrentCaller.of(request);
    if (caller == null || !CHANGES.contains(request.getMethod())) {
      return;
    }
    Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    try {
      store.insertAuditEvent(
          caller.tenantId(),
          caller.actor(),
          caller.role().wireName(),
          request.getMethod() + " " + (route == null ? request.getRequestURI() : route),
          request.getRequestURI(),
          response.getStatus());
    } catch (RuntimeException e) {
      LOG.error(
          "Could not record {} {} by {} in the audit trail.",
          request.getMethod(),
          request.getRequestURI(),
          caller.actor(),
          e);
    }
  }
}
