package io.findoc.batch.coordinator.ui;

import io.findoc.batch.coordinator.security.Caller;
import io.findoc.batch.coordinator.store.SecurityStore;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The dashboard's changes in the audit trail, beside the API's: who (the key's prefix and role),
 * what ({@code UI <action>}), on what (the job, or the filter of a bulk action), how many jobs or
 * tasks it changed, and the status; refused changes too.
 */
@Component
public class UiAudit {

  private static final Logger LOG = LoggerFactory.getLogger(UiAudit.class);
  private static final int MOST_TARGET_CHARACTERS = 2000;

  private final SecurityStore store;

  public UiAudit(SecurityStore store) {
    this.store = store;
  }

  /**
   * A change made: {@code target} names what it changed (a job, a filter), {@code count} how many.
   */
  public void changed(Caller caller, String action, String target, long count) {
    record(caller, "UI " + action, target + " (count " + count + ")", 200);
  }

  /** A change the gate refused before it reached its page. */
  void refused(UiSession session, HttpServletRequest request, String why) {
    record(
        session.caller(),
        "UI " + request.getMethod() + " " + request.getRequestURI(),
        "refused: " + why,
        403);
  }

  /** A change its page refused (a role too low, a state that forbids it). */
  public void refused(Caller caller, String action, String target, int status) {
    record(caller, "UI " + action, target + " (refused)", status);
  }

  private void record(Caller caller, String action, String target, int status) {
    String bounded =
        target.length() > MOST_TARGET_CHARACTERS
            ? target.substring(0, MOST_TARGET_CHARACTERS)
            : target;
    try {
      store.insertAuditEvent(
          caller.tenantId(), caller.actor(), caller.role().wireName(), action, bounded, status);
    } catch (RuntimeException e) {
      LOG.error("Could not record {} by {} in the audit trail.", action, caller.actor(), e);
    }
  }
}
