package io.findoc.batch.coordinator.ui;

import io.findoc.batch.coordinator.config.CoordinatorProperties;
import io.findoc.batch.coordinator.security.LimitedBodyRequest;
import io.findoc.batch.coordinator.security.Role;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The door of the dashboard ({@code findoc.ui.prefix}). Every answer gets the security headers (a
 * strict Content-Security-Policy: scripts and styles from the dashboard's own files only, no inline
 * script, no framing). Every page but sign-in and the static files needs a session (a browser
 * without one is sent to sign in); every change (POST, PUT, PATCH, DELETE) needs the session's CSRF
 * token (form field {@value #CSRF_FIELD} or header {@value #CSRF_HEADER}), and is refused in
 * read-only mode and to a {@code viewer}; refusals are written to the audit trail.
 */
@Component
public class UiGate extends OncePerRequestFilter {

  /** The session cookie: HttpOnly, SameSite=Strict, Secure over HTTPS (a proxy's too). */
  public static final String COOKIE = "findoc_ui";

  public static final String CSRF_FIELD = "_csrf";
  public static final String CSRF_HEADER = "X-CSRF-Token";

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none';"
          + " base-uri 'none'";

  private static final String SESSION_ATTRIBUTE = UiSession.class.getName();
  private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");

  private final UiSessions sessions;
  private final UiProperties settings;
  private final UiAudit audit;
  private final long maxBodyBytes;

  public UiGate(
      UiSessions sessions, UiProperties settings, UiAudit audit, CoordinatorProperties properties) {
    this.sessions = sessions;
    this.settings = settings;
    this.audit = audit;
    this.maxBodyBytes = properties.security().maxBodyBytes();
  }

  /** The session of a request the gate let through. */
  static UiSession sessionOf(HttpServletRequest request) {
    UiSession session = (UiSession) request.getAttribute(SESSION_ATTRIBUTE);
    if (session == null) {
      throw new IllegalStateException("no dashboard session: not a dashboard request");
    }
    return session;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    String prefix = settings.prefix();
    return !(path.equals(prefix) || path.startsWith(prefix + "/"));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    secureHeaders(response);
    String within = request.getRequestURI().substring(settings.prefix().length());
    if (within.startsWith("/assets/")
        || within.startsWith("/webjars/")
        || within.equals("/login")
        || within.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    Optional<UiSession> found = sessions.find(cookie(request));
    if (found.isEmpty()) {
      signInFirst(request, response, within);
      return;
    }
    UiSession session = found.get();
    if (CHANGES.contains(request.getMethod())) {
      String refusal = refusal(request, session, within.equals("/logout"));
      if (refusal != null) {
        audit.refused(session, request, refusal);
        refuse(response, 403, refusal);
        return;
      }
    }
    request.setAttribute(SESSION_ATTRIBUTE, session);
    if (request.getContentLengthLong() > maxBodyBytes) {
      refuse(response, 413, "a request body may have at most " + maxBodyBytes + " bytes");
      return;
    }
    chain.doFilter(new LimitedBodyRequest(request, maxBodyBytes), response);
  }

  /** Why a change is refused before it reaches its page, or null if it may go on. */
  private String refusal(HttpServletRequest request, UiSession session, boolean signingOut) {
    String presented = request.getHeader(CSRF_HEADER);
    if (presented == null) {
      presented = request.getParameter(CSRF_FIELD);
    }
    if (!UiSessions.csrfMatches(session, presented)) {
      return "the request carries no valid CSRF token; reload the page and try again";
    }
    if (signingOut) {
      return null;
    }
    if (settings.readOnly()) {
      return "the dashboard is read-only (findoc.ui.read-only): nothing can be changed here";
    }
    if (session.caller().role() == Role.VIEWER) {
      return "a viewer may look, not change: this needs the role submitter or more";
    }
    return null;
  }

  /**
   * Pages send the browser to sign in (a relative address, so that a proxy's prefix stays); htmx
   * requests and changes get 401, htmx with {@code HX-Redirect} to the sign-in page.
   */
  private void signInFirst(HttpServletRequest request, HttpServletResponse response, String within)
      throws IOException {
    String login = UiLinks.root(within) + "login";
    if ("GET".equals(request.getMethod()) && request.getHeader("HX-Request") == null) {
      response.setStatus(303);
      response.setHeader(HttpHeaders.LOCATION, login);
      return;
    }
    if (request.getHeader("HX-Request") != null) {
      response.setHeader("HX-Redirect", login);
    }
    refuse(response, 401, "sign in first: the session is missing or has ended");
  }

  private static void refuse(HttpServletResponse response, int status, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType("text/plain;charset=UTF-8");
    response.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
  }

  static void secureHeaders(HttpServletResponse response) {
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  }

  static String cookie(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return null;
    }
    for (Cookie cookie : cookies) {
      if (COOKIE.equals(cookie.getName())) {
        return cookie.getValue();
      }
    }
    return null;
  }
}
