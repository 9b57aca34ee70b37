package io.findoc.batch.analyzer.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pinned GET against a socket that answers raw bytes: what it sends, what it accepts. */
class PinnedHttpGetTest {

  private ServerSocket server;
  private final AtomicReference<String> request = new AtomicReference<>();

  @AfterEach
  void stop() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aChunkedBodyIsJoinedAndTheRequestNamesTheUrisHost() throws IOException {
    int port =
        answer(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/plain\r\n\r\n"
                + "5;note=x\r\nHello\r\n7\r\n, world\r\n0\r\n\r\n");

    try (PinnedHttpGet get =
        getFromLoopback(URI.create("http://docs.example.test:" + port + "/a%20b.txt?x=1"))) {
      assertThat(get.status()).isEqualTo(200);
      assertThat(get.header("content-type")).isEqualTo("text/plain");
      assertThat(new String(get.body().readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("Hello, world");
    }
    assertThat(request.get())
        .startsWith("GET /a%20b.txt?x=1 HTTP/1.1\r\n")
        .contains("Host: docs.example.test:" + port + "\r\n");
  }

  @Test
  void aBodyEndsAtItsContentLength() throws IOException {
    int port = answer("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabcdef");

    try (PinnedHttpGet get = getFromLoopback(URI.create("http://127.0.0.1:" + port + "/"))) {
      assertThat(new String(get.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("abc");
    }
  }

  @Test
  void anOverlongHeaderLineOrANonHttpReplyFails() throws IOException {
    int port = answer("HTTP/1.1 200 OK\r\nX-Long: " + "a".repeat(20_000) + "\r\n\r\n");
    assertThatThrownBy(() -> getFromLoopback(URI.create("http://127.0.0.1:" + port + "/")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("longer than");
    server.close();

    int other = answer("SSH-2.0-OpenSSH\r\n");
    assertThatThrownBy(() -> getFromLoopback(URI.create("http://127.0.0.1:" + other + "/")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not an HTTP response");
  }

  @Test
  void httpsNamesAndVerifiesTheUrisHostWhileConnectingToThePinnedAddress(@TempDir Path dir)
      throws Exception {
    SSLContext tls = selfSigned(dir, "docs.findoc.test");
    HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    https.setHttpsConfigurator(new HttpsConfigurator(tls));
    https.createContext(
        "/doc.txt",
        ex -> {
          byte[] body = "Invoice".getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(200, body.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
          }
        });
    https.start();
    try {
      int port = https.getAddress().getPort();
      try (PinnedHttpGet get =
          PinnedHttpGet.send(
              URI.create("https://docs.findoc.test:" + port + "/doc.txt"),
              InetAddress.getLoopbackAddress(),
              2000,
              2000,
              tls.getSocketFactory())) {
        assertThat(new String(get.body().readAllBytes(), StandardCharsets.UTF_8))
            .isEqualTo("Invoice");
      }
      assertThatThrownBy(
              () ->
                  PinnedHttpGet.send(
                      URI.create("https://other.findoc.test:" + port + "/doc.txt"),
                      InetAddress.getLoopbackAddress(),
                      2000,
                      2000,
                      tls.getSocketFactory()))
          .as("a certificate for another name is refused")
          .isInstanceOf(SSLHandshakeException.class);
    } finally {
      https.stop(0);
    }
  }

  /**
   * A TLS context whose key and only trusted certificate are a self-signed one for {@code name}.
   */
  private static SSLContext selfSigned(Path dir, String name) throws Exception {
    Path store = dir.resolve("tls.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "EC",
                "-dname",
                "CN=" + name,
                "-ext",
                "SAN=dns:" + name,
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    keytool.getInputStream().readAllBytes();
    assertThat(keytool.waitFor()).isZero();
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = java.nio.file.Files.newInputStream(store)) {
      keys.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory km = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    km.init(keys, "changeit".toCharArray());
    TrustManagerFactory tm =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tm.init(keys);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(km.getKeyManagers(), tm.getTrustManagers(), null);
    return context;
  }

  /** A server on loopback that reads one request head and answers {@code response}. */
  private int answer(String response) throws IOException {
    server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    ServerSocket listening = server;
    Thread thread =
        new Thread(
            () -> {
              try (Socket socket = listening.accept()) {
                InputStream in = socket.getInputStream();
                StringBuilder head = new StringBuilder();
                while (!head.toString().endsWith("\r\n\r\n")) {
                  int b = in.read();
                  if (b < 0) {
                    break;
                  }
                  head.append((char) b);
                }
                request.set(head.toString());
                OutputStream out = socket.getOutputStream();
                out.write(response.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
              } catch (IOException e) {
                // the client hung up early, as some tests make it
              }
            });
    thread.setDaemon(true);
    thread.start();
    return server.getLocalPort();
  }

  /** A GET of {@code uri} from the loopback address, two seconds to connect and to read. */
  private static PinnedHttpGet getFromLoopback(URI uri) throws IOException {
    return PinnedHttpGet.send(uri, InetAddress.getLoopbackAddress(), 2000, 2000);
  }
}
