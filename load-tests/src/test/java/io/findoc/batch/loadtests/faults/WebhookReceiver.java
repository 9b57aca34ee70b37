package io.findoc.batch.loadtests.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.findoc.batch.common.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;

/**
 * A webhook receiver in the test JVM, reached by the coordinator process over HTTP: it answers 200
 * to every request, records it, and verifies its Standard Webhooks signature with HMAC code of its
 * own (not the product's signer), against the endpoint's secret.
 */
public final class WebhookReceiver implements AutoCloseable {

  /** One request as received: the webhook headers, whether the signature verified, the body. */
  public record Received(
      String webhookId,
      long timestamp,
      boolean signatureValid,
      String body,
      String type,
      String jobId,
      Instant receivedAt) {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(16);
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile String secret;

  public WebhookReceiver() throws IOException {
    this(0);
  }

  /** A receiver on {@code port} (0: any free one), such as one coming back where another was. */
  WebhookReceiver(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** The URL to register as the endpoint. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/events";
  }

  /** The endpoint's secret ({@code whsec_...}), as the API returned it once. */
  public void secret(String secret) {
    this.secret = secret;
  }

  /** Every request received so far, in order of arrival, except those refused before the secret. */
  public List<Received> received() {
    return List.copyOf(received);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      Instant at = Instant.now();
      if (secret == null) {
        // Not set up yet (the secret comes with the 202 of the job that registers the endpoint,
        // and its first event may come sooner): refused, as by a receiver not yet configured; the
        // coordinator tries again later.
        exchange.sendResponseHeaders(503, -1);
        return;
      }
      String id = exchange.getRequestHeaders().getFirst("webhook-id");
      String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
      String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
      JsonNode parsed = Json.mapper().readTree(body);
      received.add(
          new Received(
              id,
              timestamp == null ? -1 : Long.parseLong(timestamp),
              verifies(id, timestamp, body, signature),
              body,
              parsed.path("type").asString(),
              parsed.path("data").path("jobId").asString(),
              at));
      exchange.sendResponseHeaders(200, -1);
    }
  }

  /**
   * Standard Webhooks: HMAC-SHA256 keyed with the base64-decoded secret (after {@code whsec_}) over
   * {@code id.timestamp.body}, base64, as {@code v1,<mac>} among the space-separated signatures.
   */
  private boolean verifies(String id, String timestamp, String body, String header) {
    String key = secret;
    if (id == null || timestamp == null || header == null || key == null) {
      return false;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(
              Base64.getDecoder().decode(key.substring("whsec_".length())), "HmacSHA256"));
      byte[] expected =
          ("v1,"
                  + Base64.getEncoder()
                      .encodeToString(
                          mac.doFinal(
                              (id + "." + timestamp + "." + body)
                                  .getBytes(StandardCharsets.UTF_8))))
              .getBytes(StandardCharsets.US_ASCII);
      for (String candidate : header.split(" ")) {
        if (MessageDigest.isEqual(candidate.getBytes(StandardCharsets.US_ASCII), expected)) {
          return true;
        }
      }
      return false;
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
