package io.findoc.batch.coordinator.events;

/** The broker did not acknowledge a relay round's events; the round rolls back and is retried. */
public class EventsNotPublishedException extends RuntimeException {

  EventsNotPublishedException(int events, Throwable cause) {
    super(
        events
            + " job events were not acknowledged by the broker; they stay in the outbox and are"
            + " published again next round",
        cause);
  }
}
