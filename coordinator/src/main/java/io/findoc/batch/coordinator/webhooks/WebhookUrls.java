package io.findoc.batch.coordinator.webhooks;

import io.findoc.batch.common.net.AddressGuard;
import io.findoc.batch.common.net.AddressNotAllowedException;
import io.findoc.batch.coordinator.config.CoordinatorProperties;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The rules of an endpoint's address: an absolute {@code http} or {@code https} URL without user
 * info, whose host passes the SSRF guard ({@link AddressGuard}, the same as the worker's document
 * fetcher). Checked at registration and again right before every connection, so a name that later
 * resolves to an internal address is refused then.
 */
@Component
public class WebhookUrls {

  static final int MAX_LENGTH = 2048;

  private final AddressGuard guard;

  @Autowired
  public WebhookUrls(CoordinatorProperties properties) {
    this(properties.webhooks());
  }

  WebhookUrls(CoordinatorProperties.Webhooks settings) {
    this.guard = new AddressGuard(settings.allowedHosts(), settings.allowLoopback());
  }

  /** Why the URL may not be an endpoint, or empty if it may. */
  public Optional<String> refusal(String url) {
    if (url == null || url.isBlank()) {
      return Optional.of("is required");
    }
    if (url.length() > MAX_LENGTH) {
      return Optional.of("must be at most " + MAX_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.of("is not a valid URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Optional.of("must be an absolute http or https URL");
    }
    if (uri.getRawUserInfo() != null) {
      return Optional.of("must not carry user info");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      return Optional.of("must name a host");
    }
    return addressRefusal(uri);
  }

  /** Why the URL's host may not be contacted now (resolving it), or empty if it may. */
  Optional<String> addressRefusal(URI uri) {
    try {
      guard.check(uri.getHost());
      return Optional.empty();
    } catch (AddressNotAllowedException e) {
      return Optional.of(e.getMessage());
    } catch (UnknownHostException e) {
      return Optional.of("host " + uri.getHost() + " does not resolve");
    }
  }
}
