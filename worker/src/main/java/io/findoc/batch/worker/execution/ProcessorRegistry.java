package io.findoc.batch.worker.execution;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The processors this worker has, by name. */
@Component
public class ProcessorRegistry {

  private final Map<String, Processor> byName = new HashMap<>();

  public ProcessorRegistry(List<Processor> processors) {
    for (Processor processor : processors) {
      Processor clash = byName.put(processor.name(), processor);
      if (clash != null) {
        throw new IllegalStateException(
            "two processors are named '"
                + processor.name()
                + "': "
                + clash.getClass().getName()
                + " and "
                + processor.getClass().getName());
      }
    }
  }

  public Optional<Processor> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }
}
