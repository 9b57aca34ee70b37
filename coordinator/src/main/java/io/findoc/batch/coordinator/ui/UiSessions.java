package io.findoc.batch.coordinator.ui;

import io.findoc.batch.coordinator.config.CoordinatorProperties;
import io.findoc.batch.coordinator.security.Caller;
import io.findoc.batch.coordinator.security.Role;
import io.findoc.batch.coordinator.store.SecurityStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The signed-in browsers of this coordinator, by the random token of their session cookie. A
 * session ends after {@code findoc.ui.session-idle} without a request, after {@code
 * session-longest} in any case, at sign-out, and when its key is revoked (checked at most every
 * {@link #KEY_CHECK}). Sessions live in this process: behind several coordinators, a load balancer
 * keeps a browser on one (sticky sessions), or the browser signs in again.
 */
@Component
public class UiSessions {

  /** How long a session trusts that its key is not revoked before it looks again. */
  static final Duration KEY_CHECK = Duration.ofSeconds(30);

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ADMIN_ACTOR = "admin";

  private final Map<String, UiSession> open = new ConcurrentHashMap<>();
  private final SecurityStore keys;
  private final UiProperties settings;
  private final Clock clock;

  private final boolean keysRequired;

  public UiSessions(
      SecurityStore keys, UiProperties settings, CoordinatorProperties properties, Clock clock) {
    this.keysRequired = properties.security().enabled();
    this.keys = keys;
    this.settings = settings;
    this.clock = clock;
  }

  /** Opens a session for {@code caller}; returns the token of its cookie. */
  public String open(Caller caller) {
    Instant now = clock.instant();
    open.values().removeIf(session -> expired(session, now));
    String token = randomToken();
    open.put(token, new UiSession(caller, randomToken(), now, now, now));
    return token;
  }

  /** The live session of {@code token}, if any; it counts as a request of the session. */
  public Optional<UiSession> find(String token) {
    if (token == null || token.isEmpty()) {
      return Optional.empty();
    }
    UiSession session = open.get(token);
    if (session == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (expired(session, now)) {
      open.remove(token);
      return Optional.empty();
    }
    UiSession current = session.seen(now);
    if (Duration.between(session.keyCheckedAt(), now).compareTo(KEY_CHECK) >= 0) {
      if (!keyStillValid(session.caller())) {
        open.remove(token);
        return Optional.empty();
      }
      current = session.keyChecked(now);
    }
    open.put(token, current);
    return Optional.of(current);
  }

  /** Ends the session of {@code token}, if there is one. */
  public void close(String token) {
    if (token != null) {
      open.remove(token);
    }
  }

  /** Whether {@code presented} is the session's CSRF token, compared in constant time. */
  public static boolean csrfMatches(UiSession session, String presented) {
    return presented != null
        && MessageDigest.isEqual(
            session.csrfToken().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            presented.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  private boolean expired(UiSession session, Instant now) {
    return Duration.between(session.lastSeen(), now).compareTo(settings.sessionIdle()) > 0
        || Duration.between(session.signedInAt(), now).compareTo(settings.sessionLongest()) > 0;
  }

  /** The platform admin's key is configuration; a tenant's key may have been revoked since. */
  private boolean keyStillValid(Caller caller) {
    if (!keysRequired || (caller.role() == Role.ADMIN && ADMIN_ACTOR.equals(caller.actor()))) {
      return true;
    }
    return keys.findKeyByPrefix(caller.actor()).filter(key -> key.revokedAt() == null).isPresent();
  }

  static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
