package io.findoc.batch.worker.execution;

import io.findoc.batch.common.id.JobId;
import io.findoc.batch.common.message.ControlAction;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The pause and cancel instructions in force, by job: written from the control topic by {@link
 * io.findoc.batch.worker.intake.JobControls}, read by the {@link TaskRunner} just before each
 * attempt would start.
 */
@Component
public class JobInstructions {

  private final Map<JobId, ControlAction> byJob = new ConcurrentHashMap<>();

  public JobInstructions(MeterRegistry meters) {
    Gauge.builder("findoc.worker.controlled.jobs", byJob, Map::size)
        .description("jobs with a pause or cancel instruction in force")
        .register(meters);
  }

  /** The instruction in force for the job, if any. */
  public Optional<ControlAction> actionFor(JobId job) {
    return Optional.ofNullable(byJob.get(job));
  }

  /** Puts {@code action} in force for the job, replacing any earlier instruction. */
  public void set(JobId job, ControlAction action) {
    byJob.put(job, action);
  }

  /** Lifts the job's instruction: its attempts run again. */
  public void lift(JobId job) {
    byJob.remove(job);
  }
}
