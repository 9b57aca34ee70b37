package io.findoc.batch.cli.http;

import io.findoc.batch.cli.config.ClientSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API as the client calls it: JSON in and out, the bearer key on every request, and answers of
 * 429 or 503 retried after their {@code Retry-After} (a few times) since both say "later".
 */
public class FindocApi {

  /** The answer to a submission: the job, and whether it is one submitted before with its key. */
  public record Submitted(JsonNode job, boolean replayed) {}

  private static final int RETRIES = 5;

  /**
   * How long a request may wait for the answer to begin (its headers; a stream then runs as long as
   * it runs): a stalled API ends the command with exit code 1 instead of hanging it.
   */
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);

  private final ClientSettings settings;
  private final JsonMapper json;
  private final HttpClient http;

  public FindocApi(ClientSettings settings, JsonMapper json) {
    this.settings = settings;
    this.json = json;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  public URI url() {
    return settings.url();
  }

  public JsonNode get(String path) {
    return call("GET", path, HttpRequest.BodyPublishers.noBody(), null);
  }

  public JsonNode put(String path) {
    return call("PUT", path, HttpRequest.BodyPublishers.noBody(), null);
  }

  public JsonNode delete(String path) {
    return call("DELETE", path, HttpRequest.BodyPublishers.noBody(), null);
  }

  public JsonNode post(String path, Object body) {
    return call("POST", path, publish(body), "application/json");
  }

  public JsonNode patch(String path, Object body) {
    return call("PATCH", path, publish(body), "application/json");
  }

  /** POSTs a submission body from a file under an idempotency key. */
  public Submitted submit(Path body, String idempotencyKey) {
    HttpResponse<String> response =
        send(
            "POST",
            "/api/batch/jobs",
            () -> {
              try {
                return HttpRequest.BodyPublishers.ofFile(body);
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            },
            "application/json",
            Map.of("Idempotency-Key", idempotencyKey),
            HttpResponse.BodyHandlers.ofString());
    JsonNode job = parse("POST /api/batch/jobs", response);
    boolean replayed =
        response.headers().firstValue("Idempotent-Replayed").map("true"::equals).orElse(false);
    return new Submitted(job, replayed);
  }

  /** GETs a path as a stream (NDJSON, CSV, server-sent events); the caller closes it. */
  public InputStream stream(String path, String accept) {
    return stream(path, accept, Map.of());
  }

  /** GETs a path as a stream with extra request headers ({@code Last-Event-ID}). */
  public InputStream stream(String path, String accept, Map<String, String> headers) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put("Accept", accept);
    HttpResponse<InputStream> response =
        send(
            "GET",
            path,
            HttpRequest.BodyPublishers::noBody,
            null,
            all,
            HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() / 100 != 2) {
      try (InputStream body = response.body()) {
        String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        throw new ApiException("GET " + path, response.statusCode(), problem(text), text);
      } catch (IOException e) {
        throw new ApiException("GET " + path, response.statusCode(), null, null);
      }
    }
    return response.body();
  }

  /** A path with its query parameters, leaving out those that are null. */
  public static String path(String path, Map<String, ?> query) {
    StringJoiner joined = new StringJoiner("&", "?", "").setEmptyValue("");
    new LinkedHashMap<>(query)
        .forEach(
            (name, value) -> {
              if (value != null) {
                joined.add(
                    name + "=" + URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
              }
            });
    return path + joined;
  }

  private JsonNode call(
      String method, String path, HttpRequest.BodyPublisher body, String contentType) {
    HttpResponse<String> response =
        send(method, path, () -> body, contentType, Map.of(), HttpResponse.BodyHandlers.ofString());
    return parse(method + " " + path, response);
  }

  private HttpRequest.BodyPublisher publish(Object body) {
    return HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body));
  }

  private JsonNode parse(String request, HttpResponse<String> response) {
    String body = response.body();
    if (response.statusCode() / 100 != 2) {
      throw new ApiException(request, response.statusCode(), problem(body), body);
    }
    if (body == null || body.isBlank()) {
      return json.nullNode();
    }
    try {
      return json.readTree(body);
    } catch (JacksonException e) {
      throw new ApiException(request, response.statusCode(), null, "not JSON: " + body);
    }
  }

  private JsonNode problem(String body) {
    try {
      return body == null || body.isBlank() ? null : json.readTree(body);
    } catch (JacksonException e) {
      return null;
    }
  }

  private interface BodySource {
    HttpRequest.BodyPublisher get();
  }

  private <T> HttpResponse<T> send(
      String method,
      String path,
      BodySource body,
      String contentType,
      Map<String, String> headers,
      HttpResponse.BodyHandler<T> handler) {
    URI uri = URI.create(settings.url() + path);
    for (int attempt = 1; ; attempt++) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(uri)
              .method(method, body.get())
              .header("User-Agent", "findoc-cli")
              .timeout(ANSWER_TIMEOUT);
      if (contentType != null) {
        request.header("Content-Type", contentType);
      }
      if (settings.apiKey() != null) {
        request.header("Authorization", "Bearer " + settings.apiKey());
      }
      headers.forEach(request::header);
      HttpResponse<T> response;
      try {
        response = http.send(request.build(), handler);
      } catch (IOException e) {
        throw new ApiUnreachableException(
            "cannot reach the API at "
                + settings.url()
                + " ("
                + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage())
                + "); is it up? (./findoc up starts a local one)",
            e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ApiUnreachableException("interrupted while calling " + uri, e);
      }
      int status = response.statusCode();
      if ((status == 429 || status == 503) && attempt < RETRIES) {
        long seconds =
            response.headers().firstValue("Retry-After").map(FindocApi::seconds).orElse(1L);
        sleep(Duration.ofSeconds(Math.min(seconds, 30)));
        continue;
      }
      return response;
    }
  }

  private static long seconds(String retryAfter) {
    try {
      return Math.max(1, Long.parseLong(retryAfter.strip()));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static void sleep(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiUnreachableException("interrupted while waiting to retry", e);
    }
  }
}
