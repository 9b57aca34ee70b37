package io.findoc.batch.coordinator.ui;

import io.findoc.batch.coordinator.config.CoordinatorProperties;
import io.findoc.batch.coordinator.security.Authenticator;
import io.findoc.batch.coordinator.security.Caller;
import io.findoc.batch.coordinator.security.Role;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Signing in with an API key once (the key is checked as the API checks it and then forgotten; the
 * browser keeps an HttpOnly, SameSite=Strict session cookie), and signing out. The sign-in form
 * carries a token of its own, also set as a cookie, so that no other site can sign a browser in.
 */
@Controller
@RequestMapping("${findoc.ui.prefix:/ui}")
public class SignInController {

  static final String LOGIN_COOKIE = "findoc_ui_login";
  private static final int MOST_KEY_CHARACTERS = 500;

  private final Authenticator authenticator;
  private final UiSessions sessions;
  private final CoordinatorProperties properties;

  public SignInController(
      Authenticator authenticator, UiSessions sessions, CoordinatorProperties properties) {
    this.authenticator = authenticator;
    this.sessions = sessions;
    this.properties = properties;
  }

  /** The dashboard's bare address: on to its root, relatively (a proxy's prefix stays). */
  @GetMapping("")
  void bare(HttpServletRequest request, HttpServletResponse response) {
    String uri = request.getRequestURI();
    response.setStatus(303);
    response.setHeader(HttpHeaders.LOCATION, uri.substring(uri.lastIndexOf('/') + 1) + "/");
  }

  @GetMapping("/login")
  String form(HttpServletRequest request, HttpServletResponse response, Model model) {
    return page(request, response, model, null);
  }

  @PostMapping("/login")
  String signIn(
      @RequestParam(name = "key", required = false) String key,
      @RequestParam(name = "loginToken", required = false) String loginToken,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    String expected = cookie(request, LOGIN_COOKIE);
    if (expected == null
        || loginToken == null
        || !MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.US_ASCII),
            loginToken.getBytes(StandardCharsets.US_ASCII))) {
      response.setStatus(403);
      return page(request, response, model, "The sign-in form was stale; try again.");
    }
    Optional<Caller> caller = caller(key);
    if (caller.isEmpty()) {
      response.setStatus(401);
      return page(request, response, model, "This key is not valid (or was revoked).");
    }
    String token = sessions.open(caller.get());
    setCookie(request, response, UiGate.COOKIE, token);
    setCookie(request, response, LOGIN_COOKIE, "");
    response.setStatus(303);
    response.setHeader(HttpHeaders.LOCATION, "./");
    return null;
  }

  @PostMapping("/logout")
  void signOut(HttpServletRequest request, HttpServletResponse response) {
    sessions.close(UiGate.cookie(request));
    setCookie(request, response, UiGate.COOKIE, "");
    response.setStatus(303);
    response.setHeader(HttpHeaders.LOCATION, "login");
  }

  private Optional<Caller> caller(String key) {
    if (!properties.security().enabled()) {
      return Optional.of(new Caller(properties.tenant().defaultTenant(), Role.ADMIN, "anonymous"));
    }
    if (key == null || key.isBlank() || key.length() > MOST_KEY_CHARACTERS) {
      return Optional.empty();
    }
    return authenticator.authenticate(key.strip());
  }

  private String page(
      HttpServletRequest request, HttpServletResponse response, Model model, String error) {
    String loginToken = UiSessions.randomToken();
    setCookie(request, response, LOGIN_COOKIE, loginToken);
    model.addAttribute("loginToken", loginToken);
    model.addAttribute("error", error);
    model.addAttribute("securityEnabled", properties.security().enabled());
    return "ui/login";
  }

  /**
   * A cookie for the whole site (a proxy may serve the dashboard under another path), HttpOnly,
   * SameSite=Strict, Secure when the browser came over HTTPS; an empty value removes it.
   */
  static void setCookie(
      HttpServletRequest request, HttpServletResponse response, String name, String value) {
    ResponseCookie.ResponseCookieBuilder cookie =
        ResponseCookie.from(name, value)
            .httpOnly(true)
            .secure(request.isSecure())
            .sameSite("Strict")
            .path("/");
    if (value.isEmpty()) {
      cookie.maxAge(0);
    }
    response.addHeader(HttpHeaders.SET_COOKIE, cookie.build().toString());
  }

  private static String cookie(HttpServletRequest request, String name) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return null;
    }
    for (Cookie cookie : cookies) {
      if (name.equals(cookie.getName())) {
        return cookie.getValue();
      }
    }
    return null;
  }
}
