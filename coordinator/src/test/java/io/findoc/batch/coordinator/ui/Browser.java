package io.findoc.batch.coordinator.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser as far as the dashboard's server sees one: it keeps cookies, follows no redirect by
 * itself, and sends forms and htmx requests as a page would.
 */
final class Browser {

  private static final Pattern CSRF = Pattern.compile("data-csrf=\"([^\"]+)\"");
  private static final Pattern LOGIN_TOKEN =
      Pattern.compile("name=\"loginToken\" value=\"([^\"]+)\"");

  private final URI base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;
  private String csrf;

  Browser(URI base) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** Signs in with {@code key} through the form; returns the answer to the form's POST. */
  HttpResponse<String> signIn(String key) {
    String form = get("/ui/login").body();
    Matcher token = LOGIN_TOKEN.matcher(form);
    if (!token.find()) {
      throw new AssertionError("no login token in the sign-in page: " + form);
    }
    HttpResponse<String> answer =
        send(post("/ui/login", Map.of("key", key, "loginToken", token.group(1)), Map.of()));
    if (answer.statusCode() == 303) {
      csrf = csrfOf(get("/ui/jobs").body());
    }
    return answer;
  }

  String csrf() {
    return csrf;
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET().build());
  }

  /** Opens a stream (Server-Sent Events): its status and its first bytes, then closes it. */
  Opened open(String path) {
    try {
      HttpResponse<java.io.InputStream> response =
          http.send(
              HttpRequest.newBuilder(base.resolve(path)).GET().build(),
              HttpResponse.BodyHandlers.ofInputStream());
      try (java.io.InputStream in = response.body()) {
        String first = "";
        if (response.statusCode() == 200) {
          byte[] buffer = new byte[4096];
          int read = in.read(buffer);
          first = read < 0 ? "" : new String(buffer, 0, read, StandardCharsets.UTF_8);
        }
        return new Opened(
            response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), first);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** What {@link #open} saw. */
  record Opened(int status, String contentType, String first) {}

  HttpResponse<String> htmx(String path) {
    return send(
        HttpRequest.newBuilder(base.resolve(path)).header("HX-Request", "true").GET().build());
  }

  /**
   * An htmx GET from a page whose way back to the root is {@code pageRoot}, as the script sends.
   */
  HttpResponse<String> htmxFrom(String pageRoot, String path) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("HX-Request", "true")
            .header(UiLinks.PAGE_ROOT_HEADER, pageRoot)
            .GET()
            .build());
  }

  /** A form POST with the session's CSRF token, as the pages send it. */
  HttpResponse<String> submit(String path, Map<String, String> fields) {
    Map<String, String> withToken = new LinkedHashMap<>(fields);
    withToken.put("_csrf", csrf);
    return send(post(path, withToken, Map.of("HX-Request", "true")));
  }

  /** A form POST without any CSRF token. */
  HttpResponse<String> submitWithoutToken(String path, Map<String, String> fields) {
    return send(post(path, fields, Map.of("HX-Request", "true")));
  }

  /** A JSON POST with the CSRF token in its header, as the submit page's script sends it. */
  HttpResponse<String> postJson(String path, String json) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .header("X-CSRF-Token", csrf == null ? "" : csrf)
            .header("HX-Request", "true")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  HttpCookie cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .findFirst()
        .orElse(null);
  }

  private HttpRequest post(String path, Map<String, String> fields, Map<String, String> headers) {
    String body =
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return request.build();
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String csrfOf(String page) {
    Matcher matcher = CSRF.matcher(page);
    if (!matcher.find()) {
      throw new AssertionError("no CSRF token in the page: " + page);
    }
    return matcher.group(1);
  }
}
