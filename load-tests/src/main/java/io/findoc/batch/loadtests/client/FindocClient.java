package io.findoc.batch.loadtests.client;

import io.findoc.batch.common.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * Calls the coordinator's REST API and answers parsed JSON. Refusals for the key's rate (429) are
 * honoured and counted, connection errors counted (and retried where that is safe), so that a
 * benchmark reports them instead of dying of one.
 */
public final class FindocClient {

  private static final int MOST_REFUSALS = 30;
  private static final int MOST_CONNECTION_RETRIES = 3;

  private final URI api;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String key;
  private final AtomicLong refusals = new AtomicLong();
  private final AtomicLong connectionErrors = new AtomicLong();

  /**
   * @param key the API key sent as {@code Authorization: Bearer} (null: none)
   */
  public FindocClient(URI api, String key) {
    this.api = api;
    this.key = key;
  }

  /**
   * A client with the key in {@code keyFile} (as {@code ./findoc up} writes it), or none if the
   * file is null.
   */
  public static FindocClient withKeyFile(URI api, Path keyFile) {
    try {
      return new FindocClient(api, keyFile == null ? null : Files.readString(keyFile).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the API key in " + keyFile, e);
    }
  }

  public URI api() {
    return api;
  }

  /**
   * Submits a job.
   *
   * @return the accepted job
   * @throws ApiException unless the coordinator answered 202
   */
  public JsonNode submit(Object submission) {
    return submitJson(Json.mapper().writeValueAsBytes(submission));
  }

  /** Submits a job already written as JSON; see {@link #submit}. */
  public JsonNode submitJson(byte[] json) {
    HttpRequest request =
        request("/api/batch/jobs", Duration.ofMinutes(5))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(json))
            .build();
    return expect(202, send(request));
  }

  /**
   * Submits a job already written as JSON with an {@code Idempotency-Key}; answers the response as
   * it came (202 a new job, 200 the job the key made before, anything else an error), so that a
   * caller can send it again after a lost answer.
   */
  public HttpResponse<byte[]> submitIdempotently(byte[] json, String idempotencyKey) {
    return send(
        request("/api/batch/jobs", Duration.ofMinutes(5))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", idempotencyKey)
            .POST(HttpRequest.BodyPublishers.ofByteArray(json))
            .build());
  }

  /**
   * Posts a job already written as JSON without waiting for the answer, and without retrying: for
   * an open-model load, where the next submission does not wait for this one and the caller decides
   * what a refusal (429) or a connection error means. The future fails only if the coordinator
   * could not be reached.
   */
  public CompletableFuture<HttpResponse<byte[]>> postJobAsync(byte[] json) {
    HttpRequest.Builder request =
        request("/api/batch/jobs", Duration.ofMinutes(1))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(json));
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** The id of the job a 202 answered, as {@link #postJobAsync} got it; ApiException otherwise. */
  public static String acceptedJobId(HttpResponse<byte[]> response) {
    return expect(202, response).get("id").asString();
  }

  /**
   * How long a 429 asks to wait: its {@code Retry-After} in seconds (an HTTP date or nothing: 1 s),
   * at most a minute.
   */
  public static Duration retryAfter(HttpResponse<?> response) {
    String value = response.headers().firstValue("Retry-After").orElse("").strip();
    try {
      return Duration.ofSeconds(Math.max(0, Math.min(60, Long.parseLong(value))));
    } catch (NumberFormatException e) {
      return Duration.ofSeconds(1);
    }
  }

  /** Answers refused with 429 (each honoured by waiting its Retry-After, then sent again). */
  public long refusals() {
    return refusals.get();
  }

  /**
   * Requests that could not reach the coordinator (each retried, where it is safe, up to 3 times).
   */
  public long connectionErrors() {
    return connectionErrors.get();
  }

  /** A request to a path of the API that waits at most {@code timeout} for its answer. */
  private HttpRequest.Builder request(String path, Duration timeout) {
    return HttpRequest.newBuilder(api.resolve(path)).timeout(timeout);
  }

  /** GETs a path of the API, such as {@code /api/batch/jobs/<id>}. */
  public JsonNode get(String path) {
    return expect(200, send(request(path, Duration.ofSeconds(30)).build()));
  }

  /** PUTs a path without a body, such as {@code /api/batch/jobs/<id>/pause}. */
  public JsonNode put(String path) {
    return expect(
        200,
        send(
            request(path, Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.noBody())
                .build()));
  }

  /** DELETEs a path, such as {@code /api/batch/jobs/<id>} (which cancels the job). */
  public JsonNode delete(String path) {
    return expect(200, send(request(path, Duration.ofMinutes(2)).DELETE().build()));
  }

  /**
   * Sends {@code method} to a path with {@code body} as JSON (null: no body), such as {@code POST
   * /api/webhooks}; returns the answer's JSON, null if it has none.
   *
   * @throws ApiException unless the coordinator answered {@code status}
   */
  public JsonNode call(String method, String path, Object body, int status) {
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(body));
    HttpResponse<byte[]> response =
        send(
            request(path, Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, publisher)
                .build());
    if (response.statusCode() == status && response.body().length == 0) {
      return null;
    }
    return expect(status, response);
  }

  /** GETs a path whose answer is not one JSON document (NDJSON, say), as text. */
  public String text(String path) {
    HttpResponse<byte[]> response = send(request(path, Duration.ofMinutes(2)).build());
    if (response.statusCode() != 200) {
      throw new ApiException("GET " + path + " answered " + response.statusCode());
    }
    return new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * GETs a path that answers a stream of lines (Server-Sent Events, say); the body is read as it
   * arrives, until the server ends it or the stream is closed.
   *
   * @throws ApiException unless the coordinator answered 200
   */
  public HttpResponse<java.util.stream.Stream<String>> lines(String path) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(api.resolve(path)).header("Accept", "text/event-stream");
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    try {
      HttpResponse<java.util.stream.Stream<String>> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
      if (response.statusCode() != 200) {
        response.body().close();
        throw new ApiException("GET " + path + " answered " + response.statusCode());
      }
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException("could not open " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted opening " + path, e);
    }
  }

  public JsonNode job(String id) {
    return get("/api/batch/jobs/" + id);
  }

  /**
   * Sends a request; a 429 is honoured (wait its Retry-After, send again, up to {@value
   * #MOST_REFUSALS} times in a row) and counted; a connection error is counted and retried after a
   * second, up to {@value #MOST_CONNECTION_RETRIES} times, for a GET (safe to repeat) or when the
   * connection could not even be opened (nothing was sent).
   */
  private HttpResponse<byte[]> send(HttpRequest request) {
    HttpRequest.Builder authorized = HttpRequest.newBuilder(request, (name, value) -> true);
    if (key != null) {
      authorized.header("Authorization", "Bearer " + key);
    }
    HttpRequest signed = authorized.build();
    int refused = 0;
    int failed = 0;
    try {
      while (true) {
        HttpResponse<byte[]> response;
        try {
          response = http.send(signed, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
          connectionErrors.incrementAndGet();
          boolean safe = request.method().equals("GET") || e instanceof java.net.ConnectException;
          if (!safe || ++failed > MOST_CONNECTION_RETRIES) {
            throw new UncheckedIOException("could not reach " + request.uri(), e);
          }
          Thread.sleep(1000);
          continue;
        }
        if (response.statusCode() != 429 || ++refused > MOST_REFUSALS) {
          return response;
        }
        refusals.incrementAndGet();
        Thread.sleep(retryAfter(response).toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted calling " + request.uri(), e);
    }
  }

  private static JsonNode expect(int status, HttpResponse<byte[]> response) {
    if (response.statusCode() != status) {
      throw new ApiException(
          response.request().method()
              + " "
              + response.uri()
              + " answered "
              + response.statusCode()
              + ": "
              + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
    }
    return Json.mapper().readTree(response.body());
  }

  /** The API answered something other than expected. */
  public static class ApiException extends RuntimeException {
    public ApiException(String message) {
      super(message);
    }
  }
}
