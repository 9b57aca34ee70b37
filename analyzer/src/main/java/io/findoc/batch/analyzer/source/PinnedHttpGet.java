package io.findoc.batch.analyzer.source;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 GET over a socket connected to an address given, not to what the URI's host resolves
 * to when the connection is made: the address the {@code AddressGuard} checked is the one connected
 * to, so a DNS answer that changes between check and connect (DNS rebinding) cannot send the
 * request elsewhere. For {@code https} the TLS handshake names the URI's host (SNI) and JSSE
 * verifies the certificate against it ({@code HTTPS} endpoint identification). Reads the status
 * line and headers within limits, and a body by {@code Content-Length}, chunked, or up to the end
 * of the connection. Not thread-safe; one response per instance.
 */
final class PinnedHttpGet implements Closeable {

  static final int MAX_HEADER_LINE = 8 * 1024;
  static final int MAX_HEADERS = 100;

  private final Socket socket;
  private final int status;
  private final Map<String, String> headers;
  private final InputStream body;

  private PinnedHttpGet(Socket socket, int status, Map<String, String> headers, InputStream body) {
    this.socket = socket;
    this.status = status;
    this.headers = headers;
    this.body = body;
  }

  /** Sends {@code GET uri} to {@code address} and reads the response's head. */
  static PinnedHttpGet send(URI uri, InetAddress address, int connectTimeoutMs, int readTimeoutMs)
      throws IOException {
    return send(
        uri,
        address,
        connectTimeoutMs,
        readTimeoutMs,
        (SSLSocketFactory) SSLSocketFactory.getDefault());
  }

  /**
   * @param tlsSockets the TLS sockets for {@code https} (the JVM's default trust outside tests)
   */
  static PinnedHttpGet send(
      URI uri,
      InetAddress address,
      int connectTimeoutMs,
      int readTimeoutMs,
      SSLSocketFactory tlsSockets)
      throws IOException {
    boolean tls = "https".equalsIgnoreCase(uri.getScheme());
    int port = uri.getPort() >= 0 ? uri.getPort() : tls ? 443 : 80;
    String host = uri.getHost();
    Socket socket = new Socket(Proxy.NO_PROXY);
    try {
      socket.connect(new InetSocketAddress(address, port), connectTimeoutMs);
      socket.setSoTimeout(readTimeoutMs);
      if (tls) {
        socket = tls(tlsSockets, socket, host, port);
      }
      OutputStream out = socket.getOutputStream();
      out.write(request(uri, host).getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = new BufferedInputStream(socket.getInputStream());
      int status = statusOf(line(in));
      Map<String, String> headers = new HashMap<>();
      for (String header = line(in); !header.isEmpty(); header = line(in)) {
        if (headers.size() >= MAX_HEADERS) {
          throw new IOException("more than " + MAX_HEADERS + " response headers");
        }
        int colon = header.indexOf(':');
        if (colon > 0) {
          headers.put(
              header.substring(0, colon).strip().toLowerCase(Locale.ROOT),
              header.substring(colon + 1).strip());
        }
      }
      return new PinnedHttpGet(socket, status, headers, body(in, headers));
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  int status() {
    return status;
  }

  /** A response header (name in any case), or null. */
  String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  InputStream body() {
    return body;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  private static Socket tls(SSLSocketFactory factory, Socket plain, String host, int port)
      throws IOException {
    SSLSocket tls = (SSLSocket) factory.createSocket(plain, host, port, true);
    SSLParameters parameters = tls.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    if (!host.startsWith("[") && !host.matches("[\\d.]+")) {
      parameters.setServerNames(List.of(new SNIHostName(host)));
    }
    tls.setSSLParameters(parameters);
    tls.startHandshake();
    return tls;
  }

  private static String request(URI uri, String host) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (uri.getRawQuery() != null) {
      path += "?" + uri.getRawQuery();
    }
    String authority = uri.getPort() >= 0 ? host + ":" + uri.getPort() : host;
    return "GET "
        + path
        + " HTTP/1.1\r\nHost: "
        + authority
        + "\r\nUser-Agent: findoc-worker\r\nAccept-Encoding: identity\r\nConnection: close\r\n\r\n";
  }

  private static int statusOf(String statusLine) throws IOException {
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
      throw new IOException("not an HTTP response: " + abbreviate(statusLine));
    }
    try {
      return Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw new IOException("not an HTTP status: " + abbreviate(statusLine));
    }
  }

  private static InputStream body(InputStream in, Map<String, String> headers) throws IOException {
    String encoding = headers.getOrDefault("transfer-encoding", "");
    if (encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
      return new ChunkedBody(in);
    }
    String length = headers.get("content-length");
    if (length != null) {
      try {
        return new LimitedBody(in, Long.parseLong(length.strip()));
      } catch (NumberFormatException e) {
        throw new IOException("a Content-Length that is no number: " + abbreviate(length));
      }
    }
    return in; // up to the end of the connection
  }

  /** A line ending in CRLF (or LF), without it; at most {@link #MAX_HEADER_LINE} bytes. */
  static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(64);
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("the connection closed inside the response head");
      }
      if (line.size() >= MAX_HEADER_LINE) {
        throw new IOException("a response header line longer than " + MAX_HEADER_LINE + " bytes");
      }
      line.write(b);
    }
    String text = line.toString(StandardCharsets.ISO_8859_1);
    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "...";
  }

  /** A body of a known length. */
  private static final class LimitedBody extends InputStream {
    private final InputStream in;
    private long left;

    LimitedBody(InputStream in, long length) {
      this.in = in;
      this.left = length;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = in.read();
      left = b < 0 ? 0 : left - 1;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      left = n < 0 ? 0 : left - n;
      return n;
    }
  }

  /** A chunked body ({@code Transfer-Encoding: chunked}), its chunks joined. */
  private static final class ChunkedBody extends InputStream {
    private final InputStream in;
    private long leftInChunk;
    private boolean done;

    ChunkedBody(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (done) {
        return -1;
      }
      if (leftInChunk == 0) {
        String size = line(in);
        int semicolon = size.indexOf(';');
        String hex = (semicolon >= 0 ? size.substring(0, semicolon) : size).strip();
        try {
          leftInChunk = Long.parseLong(hex, 16);
        } catch (NumberFormatException e) {
          throw new IOException("a chunk size that is no number: " + abbreviate(size));
        }
        if (leftInChunk == 0) {
          done = true;
          return -1;
        }
      }
      int n = in.read(b, off, (int) Math.min(len, leftInChunk));
      if (n < 0) {
        throw new IOException("the connection closed inside a chunk");
      }
      leftInChunk -= n;
      if (leftInChunk == 0) {
        line(in); // the CRLF after the chunk
      }
      return n;
    }
  }
}
