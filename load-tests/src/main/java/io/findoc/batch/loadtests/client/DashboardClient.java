package io.findoc.batch.loadtests.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The coordinator's dashboard as a browser uses it: signs in once with an API key (the sign-in
 * form's token and its cookie, then the session cookie the coordinator sets), then asks for pages
 * and fragments with that cookie, as htmx does where a page's script would ({@code HX-Request}),
 * and times each answer.
 */
public final class DashboardClient {

  /** The sign-in form's cookie, as the coordinator's {@code SignInController} names it. */
  static final String LOGIN_COOKIE = "findoc_ui_login";

  /** The session cookie, as the coordinator's {@code UiGate} names it. */
  static final String SESSION_COOKIE = "findoc_ui";

  private static final Pattern LOGIN_TOKEN =
      Pattern.compile("name=\"loginToken\"[^>]*?value=\"([^\"]+)\"");

  private final URI api;
  private final String prefix;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private String session;

  /**
   * @param prefix the dashboard's path ({@code findoc.ui.prefix}, {@code /ui} by default)
   */
  public DashboardClient(URI api, String prefix) {
    this.api = api;
    this.prefix = prefix;
  }

  /**
   * Signs in as a browser does: GET the sign-in form (its token in a hidden field and in a cookie),
   * POST the key with the token, keep the session cookie of the answer (303).
   *
   * @throws IllegalStateException if the coordinator refused the key or set no session
   */
  public void signIn(String key) {
    HttpResponse<String> form = send(request(prefix + "/login").build());
    String cookie =
        cookie(form.headers(), LOGIN_COOKIE)
            .orElseThrow(() -> new IllegalStateException("the sign-in form set no login cookie"));
    String token =
        loginToken(form.body())
            .orElseThrow(() -> new IllegalStateException("the sign-in form has no loginToken"));
    String body =
        "key="
            + URLEncoder.encode(key == null ? "" : key, StandardCharsets.UTF_8)
            + "&loginToken="
            + URLEncoder.encode(token, StandardCharsets.UTF_8);
    HttpResponse<String> signedIn =
        send(
            request(prefix + "/login")
                .header("Cookie", LOGIN_COOKIE + "=" + cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    if (signedIn.statusCode() != 303) {
      throw new IllegalStateException(
          "signing in to the dashboard answered " + signedIn.statusCode() + " (not 303)");
    }
    session =
        cookie(signedIn.headers(), SESSION_COOKIE)
            .filter(value -> !value.isEmpty())
            .orElseThrow(() -> new IllegalStateException("signing in set no session cookie"));
  }

  /**
   * One answer, timed from sending the request.
   *
   * @param status the HTTP status (0: no answer, the connection failed)
   * @param millis until the answer was read as far as its {@link Read} says
   * @param bytes the body's bytes read
   */
  public record Timed(int status, double millis, long bytes) {}

  /** How far an answer is read before its time is taken. */
  public enum Read {
    /** All of it, as a page or a fragment is. */
    BODY,
    /** Up to its first byte, as a download a browser saves while it comes. */
    FIRST_BYTE,
    /** Up to its headers, as a stream of events that stays open. */
    HEADERS
  }

  /**
   * GETs a dashboard path (below the prefix, such as {@code /jobs?state=RUNNING}) with the session.
   *
   * @param htmx whether to ask as htmx does ({@code HX-Request: true}: a fragment)
   */
  public Timed get(String path, boolean htmx, Read read) {
    if (session == null) {
      throw new IllegalStateException("sign in first");
    }
    HttpRequest.Builder request =
        request(prefix + path)
            .header("Cookie", SESSION_COOKIE + "=" + session)
            .timeout(Duration.ofMinutes(2));
    if (htmx) {
      request.header("HX-Request", "true");
    }
    return timed(request.build(), read);
  }

  /** GETs a path of the API (such as {@code /api/batch/jobs/<id>/errors}) with the key. */
  public Timed getApi(String path, String key) {
    HttpRequest.Builder request = request(path).timeout(Duration.ofMinutes(2));
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return timed(request.build(), Read.BODY);
  }

  private Timed timed(HttpRequest request, Read read) {
    long t0 = System.nanoTime();
    try {
      HttpResponse<InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      long bytes = 0;
      try (InputStream body = response.body()) {
        if (read != Read.HEADERS) {
          byte[] buffer = new byte[read == Read.FIRST_BYTE ? 1 : 65536];
          int n;
          while ((n = body.read(buffer)) >= 0) {
            bytes += n;
            if (read == Read.FIRST_BYTE && bytes > 0) {
              break;
            }
          }
        }
      }
      return new Timed(response.statusCode(), (System.nanoTime() - t0) / 1e6, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("could not GET " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted getting " + request.uri(), e);
    }
  }

  /** The value of the hidden {@code loginToken} field of the sign-in form. */
  static Optional<String> loginToken(String html) {
    Matcher matcher = LOGIN_TOKEN.matcher(html);
    return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  /** The value a {@code Set-Cookie} of the answer gives the cookie {@code name} (the last one). */
  static Optional<String> cookie(HttpHeaders headers, String name) {
    return cookie(headers.allValues("Set-Cookie"), name);
  }

  static Optional<String> cookie(List<String> setCookies, String name) {
    Optional<String> found = Optional.empty();
    for (String header : setCookies) {
      String pair = header.split(";", 2)[0].strip();
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).strip().equals(name)) {
        String value = pair.substring(eq + 1).strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        found = Optional.of(value);
      }
    }
    return found;
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(30));
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("could not reach the dashboard at " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted calling " + request.uri(), e);
    }
  }
}
