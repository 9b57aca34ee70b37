package io.findoc.batch.analyzer.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.findoc.batch.analyzer.AnalysisException;
import io.findoc.batch.common.net.AddressGuard;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP source against a real server on 127.0.0.1, with loopback allowed. */
class HttpSourceTest {

  private HttpServer server;
  private String base;
  private final HttpSource http =
      new HttpSource(
          new AddressGuard(List.of(), true),
          Duration.ofSeconds(2),
          Duration.ofMillis(500),
          3,
          1000);

  /** For what is not about time: timeouts a loaded machine cannot reach. */
  private final HttpSource patient =
      new HttpSource(
          new AddressGuard(List.of(), true),
          Duration.ofSeconds(30),
          Duration.ofSeconds(30),
          3,
          1000);

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/doc.txt", ex -> respond(ex, 200, "Invoice\nTotal: 1.00"));
    server.createContext("/missing", ex -> respond(ex, 404, "no"));
    server.createContext("/forbidden", ex -> respond(ex, 403, "no"));
    server.createContext("/broken", ex -> respond(ex, 503, "later"));
    server.createContext("/big", ex -> respond(ex, 200, "x".repeat(5000)));
    server.createContext(
        "/big-chunked",
        ex -> {
          // No Content-Length: the cap must hold while streaming.
          ex.sendResponseHeaders(200, 0);
          try (OutputStream out = ex.getResponseBody()) {
            for (int i = 0; i < 100; i++) {
              out.write("y".repeat(100).getBytes(StandardCharsets.US_ASCII));
            }
          } catch (IOException e) {
            // the client hung up after the cap, as it should
          }
        });
    server.createContext(
        "/drip",
        ex -> {
          // One byte every 100 ms: each read is well within the read timeout, 5 s in all.
          ex.sendResponseHeaders(200, 50);
          try (OutputStream out = ex.getResponseBody()) {
            for (int i = 0; i < 50; i++) {
              out.write('x');
              out.flush();
              Thread.sleep(100);
            }
          } catch (IOException | InterruptedException e) {
            // the client hung up at its deadline, as it should
          }
        });
    server.createContext(
        "/slow",
        ex -> {
          try {
            Thread.sleep(2000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          respond(ex, 200, "late");
        });
    server.createContext("/hop", ex -> redirect(ex, "/doc.txt"));
    server.createContext("/loop", ex -> redirect(ex, "/loop"));
    server.createContext("/to-metadata", ex -> redirect(ex, "http://169.254.169.254/latest/"));
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void documentIsFetchedAlsoThroughARedirect() {
    assertThat(new String(http.read(URI.create(base + "/doc.txt")).bytes())).startsWith("Invoice");
    assertThat(http.read(URI.create(base + "/hop")).bytes()).hasSize(19);
  }

  @Test
  void failuresAreClassifiedOnce() {
    assertCode(base + "/missing", "DOC_NOT_FOUND", false);
    assertCode(base + "/forbidden", "DOC_ACCESS_DENIED", false);
    assertCode(base + "/broken", "DOC_FETCH_FAILED", true);
    assertCode(base + "/slow", "DOC_FETCH_FAILED", true);
    assertCode(base + "/loop", "DOC_FETCH_REFUSED", false);
    assertCode("http://127.0.0.1:1/closed", "DOC_FETCH_FAILED", true);
  }

  @Test
  void sizeCapHoldsWithAndWithoutContentLength() {
    assertCode(patient, base + "/big", "DOC_TOO_LARGE", false);
    assertCode(patient, base + "/big-chunked", "DOC_TOO_LARGE", false);
  }

  @Test
  void aBodyDrippedWithinEveryReadTimeoutStillEndsAtTheFetchDeadline() {
    HttpSource withDeadline =
        new HttpSource(
            new AddressGuard(List.of(), true),
            Duration.ofSeconds(2),
            Duration.ofMillis(500),
            3,
            1000,
            Duration.ofSeconds(1));

    assertThatThrownBy(() -> withDeadline.read(URI.create(base + "/drip")))
        .isInstanceOfSatisfying(
            AnalysisException.class,
            e -> {
              assertThat(e.code()).isEqualTo("DOC_FETCH_FAILED");
              assertThat(e.retryable()).isTrue();
            })
        .hasMessageContaining("fetch deadline");
  }

  @Test
  void aNameThatResolvesToAPrivateAddressIsRefusedBeforeAnyConnection() {
    HttpSource withDns =
        new HttpSource(
            new AddressGuard(
                List.of(),
                false,
                name -> new java.net.InetAddress[] {java.net.InetAddress.getByName("10.0.0.5")}),
            Duration.ofSeconds(2),
            Duration.ofMillis(500),
            3,
            1000);

    assertThatThrownBy(() -> withDns.read(URI.create("http://docs.internal.test/statement.pdf")))
        .isInstanceOfSatisfying(
            AnalysisException.class, e -> assertThat(e.code()).isEqualTo("DOC_ADDRESS_NOT_ALLOWED"))
        .hasMessageContaining("10.0.0.5");
  }

  @Test
  void theConnectionGoesToTheCheckedAddressNotToASecondResolution() {
    // The name answers loopback (allowed here) once, then a private address: a fetcher that
    // resolved again to connect would go there (DNS rebinding), or fail, since no real DNS
    // knows the name. The pinned connection reaches the test server, with the name as Host.
    java.util.concurrent.atomic.AtomicInteger lookups =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicReference<String> host =
        new java.util.concurrent.atomic.AtomicReference<>();
    server.createContext(
        "/pinned.txt",
        ex -> {
          host.set(ex.getRequestHeaders().getFirst("Host"));
          respond(ex, 200, "Receipt\nTotal: 2.00");
        });
    HttpSource rebinding =
        new HttpSource(
            new AddressGuard(
                List.of(),
                true,
                name ->
                    new java.net.InetAddress[] {
                      java.net.InetAddress.getByName(
                          lookups.getAndIncrement() == 0 ? "127.0.0.1" : "10.0.0.5")
                    }),
            Duration.ofSeconds(2),
            Duration.ofMillis(500),
            3,
            1000);
    int port = server.getAddress().getPort();

    DocumentBytes fetched =
        rebinding.read(URI.create("http://rebind.findoc.test:" + port + "/pinned.txt"));

    assertThat(new String(fetched.bytes(), StandardCharsets.UTF_8))
        .isEqualTo("Receipt\nTotal: 2.00");
    assertThat(lookups.get()).isEqualTo(1);
    assertThat(host.get()).isEqualTo("rebind.findoc.test:" + port);
  }

  @Test
  void redirectToAnInternalAddressIsRefused() {
    assertCode(base + "/to-metadata", "DOC_ADDRESS_NOT_ALLOWED", false);
  }

  @Test
  void loopbackIsRefusedUnlessAllowed() {
    HttpSource strict =
        new HttpSource(
            new AddressGuard(List.of(), false),
            Duration.ofSeconds(2),
            Duration.ofSeconds(2),
            3,
            1000);

    assertThatThrownBy(() -> strict.read(URI.create(base + "/doc.txt")))
        .isInstanceOfSatisfying(
            AnalysisException.class,
            e -> assertThat(e.code()).isEqualTo("DOC_ADDRESS_NOT_ALLOWED"));
  }

  private void assertCode(String uri, String code, boolean retryable) {
    assertCode(http, uri, code, retryable);
  }

  private static void assertCode(HttpSource source, String uri, String code, boolean retryable) {
    assertThatThrownBy(() -> source.read(URI.create(uri)))
        .as(uri)
        .isInstanceOfSatisfying(
            AnalysisException.class,
            e -> {
              assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
              assertThat(e.retryable()).isEqualTo(retryable);
            });
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void redirect(HttpExchange exchange, String location) throws IOException {
    exchange.getResponseHeaders().add("Location", location);
    exchange.sendResponseHeaders(302, -1);
    exchange.close();
  }
}
