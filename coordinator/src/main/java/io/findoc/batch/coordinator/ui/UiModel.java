package io.findoc.batch.coordinator.ui;

import io.findoc.batch.coordinator.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every dashboard page knows: its way back to the dashboard's root (for relative links), the
 * session's CSRF token and caller, and whether the dashboard is read-only.
 */
@ControllerAdvice(basePackageClasses = UiModel.class)
public class UiModel {

  private final UiProperties settings;

  public UiModel(UiProperties settings) {
    this.settings = settings;
  }

  /**
   * The way back to the dashboard's root from the page the browser shows. A fragment that htmx
   * fetches into a page (a job's heading from {@code jobs/<id>/head}) is inserted into that page,
   * so its links must be relative to the page, not to the fragment's own address: the page sends
   * its root along ({@value UiLinks#PAGE_ROOT_HEADER}) with every htmx request.
   */
  @ModelAttribute("root")
  String root(HttpServletRequest request) {
    String page = request.getHeader(UiLinks.PAGE_ROOT_HEADER);
    if (request.getHeader("HX-Request") != null && UiLinks.isRoot(page)) {
      return page;
    }
    return UiLinks.root(request.getRequestURI().substring(settings.prefix().length()));
  }

  @ModelAttribute("readOnly")
  boolean readOnly() {
    return settings.readOnly();
  }

  /** The session (null on the sign-in page). */
  @ModelAttribute("ui")
  UiSession session(HttpServletRequest request) {
    return (UiSession) request.getAttribute(UiSession.class.getName());
  }

  /** Whether the caller may drain workers, which every tenant shares. */
  @ModelAttribute("canAdminister")
  boolean canAdminister(HttpServletRequest request) {
    return may(request, Role.ADMIN);
  }

  /** Whether the caller may pause, resume, cancel, retry and re-prioritise here. */
  @ModelAttribute("canOperate")
  boolean canOperate(HttpServletRequest request) {
    return may(request, Role.OPERATOR);
  }

  /** Whether the caller may submit jobs here. */
  @ModelAttribute("canSubmit")
  boolean canSubmit(HttpServletRequest request) {
    return may(request, Role.SUBMITTER);
  }

  private boolean may(HttpServletRequest request, Role needed) {
    UiSession session = session(request);
    return !settings.readOnly() && session != null && session.caller().role().covers(needed);
  }
}
