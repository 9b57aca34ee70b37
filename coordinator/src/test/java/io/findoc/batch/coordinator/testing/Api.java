package io.findoc.batch.coordinator.testing;

import io.findoc.batch.common.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A small HTTP client for the coordinator's API, answering parsed JSON. */
public final class Api {

  /** A status code, the content type, and the body parsed (null if empty). */
  public record Response(
      int status, String contentType, String location, String retryAfter, JsonNode body) {}

  private final URI base;
  private final String key;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  Api(URI base, String key) {
    this.base = base;
    this.key = key;
  }

  /** The same API, called with {@code key} (null: with none). */
  public Api withKey(String key) {
    return new Api(base, key);
  }

  /** The key this client sends as {@code Authorization: Bearer}, or null. */
  /** The JSON of a request body a test builds by hand (for jobs, see {@link Submission}). */
  public static String json(Object body) {
    return Json.mapper().writeValueAsString(body);
  }

  public String key() {
    return key;
  }

  public URI base() {
    return base;
  }

  public Response post(String path, String json) {
    return post(path, json, Map.of());
  }

  /** POSTs JSON with extra request headers. */
  public Response post(String path, String json, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    headers.forEach(request::header);
    return send(request.build());
  }

  public Response put(String path) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .PUT(HttpRequest.BodyPublishers.noBody())
            .build());
  }

  public Response patch(String path, String json) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  public Response delete(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).DELETE().build());
  }

  /** GETs a path and answers its body as text, whatever its type (NDJSON, say). */
  public String text(String path) {
    try {
      HttpRequest.Builder builder =
          HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
      if (key != null) {
        builder.header("Authorization", "Bearer " + key);
      }
      HttpResponse<String> response =
          http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new AssertionError("GET " + path + " answered " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Response get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET().build());
  }

  /** Submits a job and returns its id; fails the test unless the answer is 202. */
  public String submit(String json) {
    Response response = post("/api/batch/jobs", json);
    if (response.status() != 202) {
      throw new AssertionError("submission answered " + response.status() + ": " + response.body());
    }
    return response.body().get("id").asString();
  }

  public JsonNode job(String id) {
    return get("/api/batch/jobs/" + id).body();
  }

  private Response send(HttpRequest request) {
    try {
      HttpRequest.Builder builder =
          HttpRequest.newBuilder(request, (name, value) -> true).timeout(Duration.ofSeconds(60));
      if (key != null) {
        builder.header("Authorization", "Bearer " + key);
      }
      HttpResponse<String> response =
          http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      String body = response.body();
      return new Response(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(null),
          response.headers().firstValue("Location").orElse(null),
          response.headers().firstValue("Retry-After").orElse(null),
          body == null || body.isEmpty() ? null : Json.mapper().readTree(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
