package io.findoc.batch.coordinator.progress;

import java.io.IOException;

/** Where a watcher's events go: its Server-Sent Events connection ({@link EmitterSink}). */
interface EventSink {

  /** Writes one event; blocks while the connection takes it. */
  void send(String id, Object data) throws IOException;

  /** Ends the stream after the last event. */
  void complete();
}
