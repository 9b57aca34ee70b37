package io.findoc.batch.coordinator.ui;

import io.findoc.batch.coordinator.security.Caller;
import java.time.Instant;

/**
 * A signed-in browser: who it acts as (the {@link Caller} its key stood for), the token every
 * change it asks for must carry (CSRF), and until when it lives.
 *
 * @param caller the tenant, role and actor of the key that signed in
 * @param csrfToken the token of the session's forms and htmx requests
 * @param signedInAt when the key was presented
 * @param lastSeen the last request of the session
 * @param keyCheckedAt when the key was last found not revoked
 */
public record UiSession(
    Caller caller, String csrfToken, Instant signedInAt, Instant lastSeen, Instant keyCheckedAt) {

  UiSession seen(Instant now) {
    return new UiSession(caller, csrfToken, signedInAt, now, keyCheckedAt);
  }

  UiSession keyChecked(Instant now) {
    return new UiSession(caller, csrfToken, signedInAt, now, now);
  }
}
