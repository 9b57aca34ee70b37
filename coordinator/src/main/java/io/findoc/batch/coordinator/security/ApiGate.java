package io.findoc.batch.coordinator.security;

import io.findoc.batch.common.json.Json;
import io.findoc.batch.coordinator.config.CoordinatorProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The door of {@code /api/**}: a request needs {@code Authorization: Bearer <key>} (401 without a
 * valid one), stays within its key's rate (429 with {@code Retry-After}) and within the body size
 * limit (413); it then carries its {@link Caller} for the controllers. Answers are problem+json
 * like every other error of the API. With {@code findoc.security.enabled=false} every request acts
 * as an admin of the default tenant. The API's description ({@code /api/openapi.json}, the page
 * {@code /api/docs} and its Swagger UI files) is open without a key.
 */
@Component
public class ApiGate extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(ApiGate.class);
  private static final String BEARER = "Bearer ";
  private static final String OPENAPI_DOCUMENT = "/api/openapi.json";
  private static final String API_DOCS_PAGE = "/api/docs";
  private static final String SWAGGER_UI = "/api/swagger-ui/";

  private final Authenticator authenticator;
  private final CoordinatorProperties.Security settings;
  private final RateLimiter rates;
  private final Caller anonymous;

  public ApiGate(Authenticator authenticator, CoordinatorProperties properties) {
    this.authenticator = authenticator;
    this.settings = properties.security();
    this.rates = new RateLimiter(settings.requestsPerSecond(), settings.burst(), System::nanoTime);
    this.anonymous = new Caller(properties.tenant().defaultTenant(), Role.ADMIN, "anonymous");
    if (!settings.enabled()) {
      LOG.warn(
          "\\n\\n  *** findoc.security.enabled=false: the API asks for NO key; every request acts"
              + " as an admin of tenant '{}'. Never do this outside a laptop. ***\\n",
          anonymous.tenantId());
    } else if (settings.adminKey() == null || settings.adminKey().isBlank()) {
      LOG.warn(
          "No admin key is configured (FINDOC_ADMIN_KEY): tenants and their keys cannot be"
              + " created through the API.");
    }
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return !path.startsWith("/api/") || describesTheApi(path);
  }

  /**
   * The OpenAPI document, its Swagger UI configuration and page: open to anyone, since they
   * describe the API and hold no tenant's data.
   */
  static boolean describesTheApi(String path) {
    return path.equals(OPENAPI_DOCUMENT)
        || path.startsWith(OPENAPI_DOCUMENT + "/")
        || path.equals(API_DOCS_PAGE)
        || path.startsWith(SWAGGER_UI);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > settings.maxBodyBytes()) {
      problem(response, 413, "body-too-large", "Request body too large", bodyTooLarge());
      return;
    }
    Caller caller;
    if (settings.enabled()) {
      Optional<Caller> known = authenticate(request.getHeader(HttpHeaders.AUTHORIZATION));
      if (known.isEmpty()) {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        problem(
            response,
            401,
            "unauthenticated",
            "Unauthenticated",
            "send a valid API key as 'Authorization: Bearer <key>'");
        return;
      }
      caller = known.get();
      Duration wait = rates.take(caller.actor());
      if (wait != null) {
        response.setHeader(
            HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000)));
        problem(
            response,
            429,
            "rate-limited",
            "Too many requests",
            "this key may make "
                + settings.requestsPerSecond()
                + " requests per second; slow down");
        return;
      }
    } else {
      caller = anonymous;
    }
    CurrentCaller.set(request, caller);
    chain.doFilter(new LimitedBodyRequest(request, settings.maxBodyBytes()), response);
  }

  private Optional<Caller> authenticate(String authorization) {
    if (authorization == null
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Optional.empty();
    }
    String key = authorization.substring(BEARER.length()).strip();
    return key.isEmpty() ? Optional.empty() : authenticator.authenticate(key);
  }

  private String bodyTooLarge() {
    return "a request body may have at most " + settings.maxBodyBytes() + " bytes";
  }

  private static void problem(
      HttpServletResponse response, int status, String type, String title, String detail)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "urn:findoc:problem:" + type);
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.getOutputStream().write(Json.mapper().writeValueAsBytes(body));
  }
}
