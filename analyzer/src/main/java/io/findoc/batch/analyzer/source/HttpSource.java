package io.findoc.batch.analyzer.source;

import io.findoc.batch.analyzer.AnalysisError;
import io.findoc.batch.common.net.AddressGuard;
import io.findoc.batch.common.net.AddressNotAllowedException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Fetches {@code http(s)://} documents: each hop's host passes the {@link AddressGuard} and the
 * connection goes to the address the guard checked ({@link PinnedHttpGet}: no second DNS
 * resolution, so no DNS rebinding), redirects are followed by hand (at most {@code maxRedirects}),
 * the body is read up to a byte cap whatever {@code Content-Length} says, the whole fetch (every
 * hop and the body) ends at one deadline, and no system proxy is used (the guard must see the real
 * target).
 *
 * <p>Failures: timeouts, connection errors, 408, 429 and 5xx are retryable ({@code
 * DOC_FETCH_FAILED}); 404 and 410 are {@code DOC_NOT_FOUND}, 401 and 403 {@code DOC_ACCESS_DENIED},
 * other statuses and too many redirects {@code DOC_FETCH_REFUSED}.
 */
final class HttpSource {

  private final AddressGuard guard;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final int maxRedirects;
  private final long maxBytes;
  private final Duration deadline;

  HttpSource(
      AddressGuard guard,
      Duration connectTimeout,
      Duration readTimeout,
      int maxRedirects,
      long maxBytes) {
    this(guard, connectTimeout, readTimeout, maxRedirects, maxBytes, SourceLimits.DEFAULT_DEADLINE);
  }

  /**
   * @param deadline how long one fetch may take in all, redirects and body included
   */
  HttpSource(
      AddressGuard guard,
      Duration connectTimeout,
      Duration readTimeout,
      int maxRedirects,
      long maxBytes,
      Duration deadline) {
    this.deadline = deadline;
    this.guard = guard;
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
    this.maxRedirects = maxRedirects;
    this.maxBytes = maxBytes;
  }

  DocumentBytes read(URI start) {
    URI uri = start;
    long endsAt = System.nanoTime() + deadline.toNanos();
    for (int redirects = 0; ; redirects++) {
      checkScheme(uri);
      InetAddress address = checkAddress(uri);
      Duration left = remaining(endsAt, start);
      try (PinnedHttpGet response =
          PinnedHttpGet.send(
              uri,
              address,
              timeoutMillis(connectTimeout, left),
              timeoutMillis(readTimeout, left))) {
        int status = response.status();
        if (status >= 200 && status < 300) {
          try (InputStream body = new DeadlineInputStream(response.body(), endsAt)) {
            byte[] bytes = BoundedReader.readAtMost(body, maxBytes, "the body of " + start);
            return new DocumentBytes(bytes, response.header("Content-Type"), "http");
          }
        }
        if (isRedirect(status)) {
          String location = response.header("Location");
          if (location == null) {
            throw AnalysisError.DOC_FETCH_REFUSED.exception(
                "redirect without Location from " + uri);
          }
          if (redirects >= maxRedirects) {
            throw AnalysisError.DOC_FETCH_REFUSED.exception(
                "more than " + maxRedirects + " redirects from " + start);
          }
          uri = resolve(uri, location);
          continue;
        }
        throw statusFailure(status, uri);
      } catch (DeadlinePassed e) {
        throw AnalysisError.DOC_FETCH_FAILED.exception(
            "fetching " + start + " took longer than the fetch deadline of " + deadline);
      } catch (SocketTimeoutException e) {
        throw AnalysisError.DOC_FETCH_FAILED.exception("timeout fetching " + uri);
      } catch (IOException e) {
        throw AnalysisError.DOC_FETCH_FAILED.exception(
            "cannot fetch " + uri + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
      }
    }
  }

  private static URI resolve(URI uri, String location) {
    try {
      return uri.resolve(location);
    } catch (IllegalArgumentException e) {
      throw AnalysisError.DOC_FETCH_REFUSED.exception(
          "a redirect to an invalid location from " + uri + ": " + e.getMessage());
    }
  }

  /**
   * The address to connect to: one the guard checked, so that no second resolution can lead
   * elsewhere (DNS rebinding); an allow-listed host, which the guard does not check, resolved here.
   */
  private InetAddress checkAddress(URI uri) {
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw AnalysisError.DOC_INVALID.exception("the URI " + uri + " has no host");
    }
    try {
      List<InetAddress> checked = guard.check(uri.getHost());
      return checked.isEmpty() ? InetAddress.getByName(bare(uri.getHost())) : checked.get(0);
    } catch (AddressNotAllowedException e) {
      throw AnalysisError.DOC_ADDRESS_NOT_ALLOWED.exception(e.getMessage());
    } catch (UnknownHostException e) {
      throw AnalysisError.DOC_FETCH_FAILED.exception("cannot resolve host " + uri.getHost());
    }
  }

  /** A URI host without the brackets of an IPv6 literal. */
  private static String bare(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  /** What is left of the fetch's deadline; fails the fetch once nothing is. */
  private Duration remaining(long endsAt, URI start) {
    long left = endsAt - System.nanoTime();
    if (left <= 0) {
      throw AnalysisError.DOC_FETCH_FAILED.exception(
          "fetching " + start + " took longer than the fetch deadline of " + deadline);
    }
    return Duration.ofNanos(left);
  }

  /** The smaller of a configured timeout and the time left, at least 1 ms (0 means none). */
  private static int timeoutMillis(Duration configured, Duration remaining) {
    long millis = Math.min(configured.toMillis(), remaining.toMillis());
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, millis));
  }

  /** Thrown by {@link DeadlineInputStream} when the fetch's deadline passes mid-body. */
  private static final class DeadlinePassed extends IOException {
    DeadlinePassed() {
      super("the fetch deadline passed");
    }
  }

  /**
   * A body that ends the fetch once its deadline passes: a server dripping one byte just within
   * every read timeout would otherwise hold the thread for as long as it likes.
   */
  private static final class DeadlineInputStream extends java.io.FilterInputStream {

    private final long endsAt;

    DeadlineInputStream(InputStream in, long endsAt) {
      super(in);
      this.endsAt = endsAt;
    }

    private void check() throws DeadlinePassed {
      if (System.nanoTime() - endsAt > 0) {
        throw new DeadlinePassed();
      }
    }

    @Override
    public int read() throws IOException {
      check();
      int b = super.read();
      check();
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      check();
      int n = super.read(b, off, len);
      check();
      return n;
    }
  }

  private static void checkScheme(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw AnalysisError.DOC_SCHEME_NOT_ALLOWED.exception(
          "scheme '" + scheme + "' of " + uri + " is not fetched");
    }
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private static RuntimeException statusFailure(int status, URI uri) {
    String message = "HTTP " + status + " from " + uri;
    if (status == 404 || status == 410) {
      return AnalysisError.DOC_NOT_FOUND.exception(message);
    }
    if (status == 401 || status == 403) {
      return AnalysisError.DOC_ACCESS_DENIED.exception(message);
    }
    if (status == 408 || status == 429 || status >= 500) {
      return AnalysisError.DOC_FETCH_FAILED.exception(message);
    }
    return AnalysisError.DOC_FETCH_REFUSED.exception(message);
  }
}
