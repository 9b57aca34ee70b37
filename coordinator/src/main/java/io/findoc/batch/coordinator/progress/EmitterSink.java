package io.findoc.batch.coordinator.progress;

import java.io.IOException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** A watcher's {@link SseEmitter}: each event is a {@code progress} event with the job as data. */
record EmitterSink(SseEmitter emitter) implements EventSink {

  @Override
  public void send(String id, Object data) throws IOException {
    emitter.send(SseEmitter.event().name("progress").id(id).data(data));
  }

  @Override
  public void complete() {
    emitter.complete();
  }
}
