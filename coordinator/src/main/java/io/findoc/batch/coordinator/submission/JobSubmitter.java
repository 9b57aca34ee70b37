package io.findoc.batch.coordinator.submission;

import io.findoc.batch.common.json.Json;
import io.findoc.batch.common.message.Priority;
import io.findoc.batch.common.state.JobState;
import io.findoc.batch.coordinator.config.CoordinatorProperties;
import io.findoc.batch.coordinator.dispatch.DispatchSignal;
import io.findoc.batch.coordinator.store.JobStore;
import io.findoc.batch.coordinator.store.NewJob;
import io.findoc.batch.coordinator.store.TaskWriter;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

/**
 * Stores a validated job and all its tasks in one transaction, then wakes the dispatcher. Either
 * the whole job is stored or nothing is.
 */
@Component
public class JobSubmitter {

  private final Jdbi jdbi;
  private final TaskWriter taskWriter;
  private final SubmissionValidator validator;
  private final CoordinatorProperties.Submission defaults;
  private final DispatchSignal dispatchSignal;

  public JobSubmitter(
      Jdbi jdbi,
      TaskWriter taskWriter,
      CoordinatorProperties properties,
      DispatchSignal dispatchSignal) {
    this.jdbi = jdbi;
    this.taskWriter = taskWriter;
    this.defaults = properties.submission();
    this.validator = new SubmissionValidator(properties.submission());
    this.dispatchSignal = dispatchSignal;
  }

  /**
   * Validates and stores the submission for {@code tenant}.
   *
   * @return the new job's id
   * @throws InvalidSubmissionException if the submission breaks a rule; nothing is stored
   */
  public UUID submit(String tenant, JobSubmission submission) {
    validator.validate(submission);
    UUID id = UUID.randomUUID();
    NewJob job =
        new NewJob(
            id,
            tenant,
            submission.name(),
            (submission.priority() == null ? Priority.NORMAL : submission.priority()).wireName(),
            submission.processor() == null ? defaults.defaultProcessor() : submission.processor(),
            toJson(submission.options()),
            toJson(submission.metadata()),
            submission.retry() == null || submission.retry().maxAttempts() == null
                ? defaults.defaultMaxAttempts()
                : submission.retry().maxAttempts(),
            JobState.QUEUED.name(),
            submission.documents().size());
    jdbi.useTransaction(
        handle -> {
          handle.attach(JobStore.class).insert(job);
          taskWriter.insertAll(handle, id, submission.documents());
        });
    dispatchSignal.wakeUp();
    return id;
  }

  private static String toJson(Map<String, Object> value) {
    return Json.mapper().writeValueAsString(value == null ? Map.of() : value);
  }
}
