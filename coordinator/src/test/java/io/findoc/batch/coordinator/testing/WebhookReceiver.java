package io.findoc.batch.coordinator.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.findoc.batch.common.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;

/**
 * A real HTTP receiver of webhooks for the tests. It records every request, answers as told per
 * path (a status, headers, after a delay), and verifies each signature with its own HMAC code (not
 * the product's signer) against the secrets given per path, when the requests are read: a delivery
 * may arrive before the answer that told the test its endpoint's secret.
 */
public final class WebhookReceiver implements AutoCloseable {

  /** What the receiver answers. */
  public record Answer(int status, Map<String, String> headers, long delayMillis) {
    public static Answer ok() {
      return new Answer(200, Map.of(), 0);
    }

    public static Answer status(int status) {
      return new Answer(status, Map.of(), 0);
    }
  }

  /** One request received. */
  public record Received(
      String path,
      String webhookId,
      long timestamp,
      String signature,
      boolean signatureValid,
      String type,
      JsonNode data,
      Instant receivedAt,
      int answered) {}

  /** A request as it came, with its raw body, for verifying it once the secrets are known. */
  private record Request(Received received, String timestampHeader, String body) {}

  private final HttpServer server;
  private final List<Request> received = new CopyOnWriteArrayList<>();
  private final Map<String, List<String>> secrets = new ConcurrentHashMap<>();
  private final Map<String, BiFunction<String, Integer, Answer>> behaviours =
      new ConcurrentHashMap<>();
  private final Map<String, Integer> attempts = new ConcurrentHashMap<>();

  public WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(16));
    server.createContext("/", this::handle);
    server.start();
  }

  /** A receiver listening on a free port of the loopback address. */
  public static WebhookReceiver start() {
    try {
      return new WebhookReceiver();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The URL of a path on this receiver. */
  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** The secrets a path's signatures are checked against (any one of them must match). */
  public void secrets(String path, String... secretsOfPath) {
    secrets.put(path, List.of(secretsOfPath));
  }

  /**
   * How a path answers: given the webhook id and the how-many-th request of that id this is (1 for
   * the first).
   */
  public void behave(String path, BiFunction<String, Integer, Answer> behaviour) {
    behaviours.put(path, behaviour);
  }

  /** The requests to a path, in order, each verified against the path's secrets known now. */
  public List<Received> received(String path) {
    return received.stream()
        .filter(r -> r.received().path().equals(path))
        .map(this::verified)
        .toList();
  }

  public List<Received> all() {
    return new ArrayList<>(received.stream().map(this::verified).toList());
  }

  private Received verified(Request request) {
    Received r = request.received();
    return new Received(
        r.path(),
        r.webhookId(),
        r.timestamp(),
        r.signature(),
        verifies(r.path(), r.webhookId(), request.timestampHeader(), request.body(), r.signature()),
        r.type(),
        r.data(),
        r.receivedAt(),
        r.answered());
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      String id = exchange.getRequestHeaders().getFirst("webhook-id");
      String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
      String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
      int attempt = attempts.merge(path + " " + id, 1, Integer::sum);
      Answer answer = behaviours.getOrDefault(path, (i, n) -> Answer.ok()).apply(id, attempt);
      JsonNode parsed = body.isEmpty() ? null : Json.mapper().readTree(body);
      received.add(
          new Request(
              new Received(
                  path,
                  id,
                  timestamp == null ? -1 : Long.parseLong(timestamp),
                  signature,
                  false,
                  parsed == null ? null : parsed.path("type").asString(),
                  parsed == null ? null : parsed.get("data"),
                  Instant.now(),
                  answer.status()),
              timestamp,
              body));
      if (answer.delayMillis() > 0) {
        try {
          Thread.sleep(answer.delayMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      exchange.sendResponseHeaders(answer.status(), -1);
    }
  }

  /** Standard Webhooks verification, written independently of the product's signer. */
  private boolean verifies(String path, String id, String timestamp, String body, String header) {
    if (id == null || timestamp == null || header == null) {
      return false;
    }
    for (String secret : secrets.getOrDefault(path, List.of())) {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String expected =
            Base64.getEncoder()
                .encodeToString(
                    mac.doFinal(
                        (id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        for (String candidate : header.split(" ")) {
          if (candidate.equals("v1," + expected)) {
            return true;
          }
        }
      } catch (Exception e) {
        return false;
      }
    }
    return false;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
