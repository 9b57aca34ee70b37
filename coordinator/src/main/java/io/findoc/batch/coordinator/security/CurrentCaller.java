package io.findoc.batch.coordinator.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** The {@link Caller} of the request being served, as {@link ApiGate} found it. */
@Component
public class CurrentCaller {

  private static final String ATTRIBUTE = Caller.class.getName();

  static void set(HttpServletRequest request, Caller caller) {
    request.setAttribute(ATTRIBUTE, caller);
  }

  /** The caller of the current request, or null outside of one (or before the gate). */
  public static Caller of(HttpServletRequest request) {
    return (Caller) request.getAttribute(ATTRIBUTE);
  }

  /**
   * @throws IllegalStateException outside of an API request
   */
  public Caller get() {
    Object caller =
        RequestContextHolder.currentRequestAttributes()
            .getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    if (caller == null) {
      throw new IllegalStateException("no caller: not an API request");
    }
    return (Caller) caller;
  }
}
