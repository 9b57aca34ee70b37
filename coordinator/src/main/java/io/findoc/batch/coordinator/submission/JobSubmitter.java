package io.findoc.batch.coordinator.submission;

import io.findoc.batch.common.json.Json;
import io.findoc.batch.common.message.Priority;
import io.findoc.batch.common.state.JobState;
import io.findoc.batch.coordinator.config.CoordinatorProperties;
import io.findoc.batch.coordinator.dispatch.CompletionRate;
import io.findoc.batch.coordinator.dispatch.DispatchSignal;
import io.findoc.batch.coordinator.events.JobEvents;
import io.findoc.batch.coordinator.store.AttachedStores;
import io.findoc.batch.coordinator.store.DuplicateDocument;
import io.findoc.batch.coordinator.store.JobRow;
import io.findoc.batch.coordinator.store.JobStore;
import io.findoc.batch.coordinator.store.NewJob;
import io.findoc.batch.coordinator.store.TaskStore;
import io.findoc.batch.coordinator.store.TaskWriter;
import io.findoc.batch.coordinator.validation.Violation;
import io.findoc.batch.coordinator.webhooks.JobWebhook;
import io.findoc.batch.coordinator.webhooks.WebhookEndpoints;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes a job in, in one transaction: streams the body's documents into the task table as they are
 * read and checked, then checks the job's fields and the uniqueness of the document ids, and stores
 * the job row; any violation rolls all of it back. Memory stays flat whatever the number of
 * documents. Wakes the dispatcher after the commit.
 */
@Component
public class JobSubmitter {

  private final Jdbi jdbi;
  private final TaskWriter taskWriter;
  private final SubmissionReader reader;
  private final SubmissionValidator validator;
  private final CoordinatorProperties.Submission defaults;
  private final DispatchSignal dispatchSignal;
  private final QueueLimit queueLimit;
  private final WebhookEndpoints webhooks;
  private final JobEvents events;

  public JobSubmitter(
      Jdbi jdbi,
      TaskWriter taskWriter,
      JsonMapper apiMapper,
      CoordinatorProperties properties,
      DispatchSignal dispatchSignal,
      CompletionRate completions,
      Clock clock,
      WebhookEndpoints webhooks,
      JobEvents events) {
    this.webhooks = webhooks;
    this.events = events;
    this.queueLimit =
        new QueueLimit(properties.submission().maxUnfinishedTasksPerTenant(), completions);
    this.jdbi = jdbi;
    this.taskWriter = taskWriter;
    this.defaults = properties.submission();
    this.reader = new SubmissionReader(apiMapper, properties.submission().maxDocuments());
    this.validator = new SubmissionValidator(properties.submission(), clock);
    this.dispatchSignal = dispatchSignal;
  }

  /**
   * Reads, checks and stores the submission in {@code body} for {@code tenant}.
   *
   * @return the new job's id
   * @throws InvalidSubmissionException if the submission breaks a rule; nothing is stored
   * @throws QueueLimitExceededException if the tenant has too many unfinished tasks; nothing is
   *     stored
   */
  public UUID submit(String tenant, InputStream body) {
    return submit(tenant, null, body).jobId();
  }

  /**
   * What a submission did: the job, as its transaction left it (empty only if a replayed key's job
   * is gone), whether it was created now or earlier, by the same key, and the job's webhooks with
   * their secrets (only when created now).
   */
  public record Submitted(
      UUID jobId,
      Optional<JobRow> job,
      boolean replayed,
      List<WebhookEndpoints.Created> webhooks) {}

  private record Stored(UUID jobId, Optional<JobRow> job, boolean replayed) {}

  /**
   * As {@link #submit(String, InputStream)}, with the client's {@code idempotencyKey} (may be
   * null): a key the tenant used before returns that submission's job, and its body is not read.
   */
  public Submitted submit(String tenant, String idempotencyKey, InputStream body) {
    UUID id = UUID.randomUUID();
    List<WebhookEndpoints.Created> created = new ArrayList<>();
    // The job is read back in the same transaction, for the answer: reading it after the commit
    // would attach the whole JobStore once more, a large cost on a small job.
    Stored stored =
        jdbi.inTransaction(
            handle -> {
              JobStore jobs = AttachedStores.of(handle, JobStore.class);
              if (idempotencyKey != null
                  && jobs.claimIdempotencyKey(tenant, idempotencyKey, id).isEmpty()) {
                // The key's row is committed (the claim waited for it); a janitor may remove it.
                UUID earlier = jobs.findByIdempotencyKey(tenant, idempotencyKey).orElse(id);
                return new Stored(earlier, jobs.findForTenant(earlier, tenant), true);
              }
              created.addAll(store(handle, jobs, tenant, id, body));
              return new Stored(id, jobs.findForTenant(id, tenant), false);
            });
    if (stored.replayed()) {
      return new Submitted(stored.jobId(), stored.job(), true, List.of());
    }
    dispatchSignal.wakeUp();
    return new Submitted(id, stored.job(), false, created);
  }

  /**
   * Stores the submission in the caller's transaction, step by step: the tasks, copied as the
   * documents are read and checked; repeated document ids; the dependencies between tasks; the
   * checks of the job as a whole; then the job row, its dependencies, its event and its webhooks.
   * Every violation found is thrown at once, in one {@link InvalidSubmissionException}.
   */
  private List<WebhookEndpoints.Created> store(
      Handle handle, JobStore jobs, String tenant, UUID id, InputStream body) {
    queueLimit.check(jobs, tenant, 0);
    Map<Integer, List<Violation>> byDocument = new TreeMap<>();
    TaskDependencies dependencies = new TaskDependencies();
    DocumentRefs refs = new DocumentRefs();
    SubmissionReader.Read read = copyTasks(handle, id, body, byDocument, dependencies, refs);
    if (refs.possibleDuplicate()) {
      markDuplicates(AttachedStores.of(handle, TaskStore.class), id, byDocument);
    }
    if (byDocument.isEmpty() && !dependencies.isEmpty()) {
      dependencies.store(AttachedStores.of(handle, TaskStore.class), id, byDocument);
    }
    List<UUID> dependsOn = read.job().dependsOn() == null ? List.of() : read.job().dependsOn();
    List<Violation> jobViolations = checkJob(jobs, tenant, read, dependsOn);
    if (!jobViolations.isEmpty() || !byDocument.isEmpty()) {
      throw new InvalidSubmissionException(flatten(jobViolations, byDocument));
    }
    queueLimit.check(jobs, tenant, read.documents());
    return insertJob(handle, jobs, tenant, id, read, dependsOn, !dependencies.isEmpty());
  }

  /**
   * Reads the documents, checking each ({@code byDocument} gets what is wrong, and reading stops
   * once too much is), and copies a task for each into the job; notes their ids and dependencies.
   */
  private SubmissionReader.Read copyTasks(
      Handle handle,
      UUID id,
      InputStream body,
      Map<Integer, List<Violation>> byDocument,
      TaskDependencies dependencies,
      DocumentRefs refs) {
    try (TaskWriter.Copy copy = taskWriter.open(handle, id)) {
      SubmissionReader.Read read =
          reader.read(
              body,
              (index, document) -> {
                List<Violation> found = new ArrayList<>();
                validator.checkDocument(index, document, found);
                if (!found.isEmpty()) {
                  byDocument.put(index, found);
                  if (flatten(List.of(), byDocument).size() >= SubmissionValidator.MAX_REPORTED) {
                    throw new InvalidSubmissionException(flatten(List.of(), byDocument));
                  }
                }
                if (document.id() != null && !document.id().isBlank()) {
                  copy.add(index + 1, document.document());
                  refs.add(document.id());
                  if (document.hasDependencies()) {
                    dependencies.add(index + 1, document.dependsOn());
                  }
                }
              });
      copy.finish();
      return read;
    }
  }

  /** Adds to {@code byDocument} the documents whose id an earlier document of the job used. */
  private static void markDuplicates(
      TaskStore tasks, UUID id, Map<Integer, List<Violation>> byDocument) {
    for (DuplicateDocument duplicate :
        tasks.findDuplicateDocuments(id, SubmissionValidator.MAX_REPORTED)) {
      int index = duplicate.number() - 1;
      byDocument
          .computeIfAbsent(index, i -> new ArrayList<>())
          .add(
              0,
              new Violation(
                  "documents[" + index + "].id",
                  "'" + duplicate.documentRef() + "' is used by an earlier document"));
    }
  }

  /**
   * What is wrong with the job as a whole: its fields, webhooks and failure policy, then (if those
   * are right) the jobs it depends on.
   */
  private List<Violation> checkJob(
      JobStore jobs, String tenant, SubmissionReader.Read read, List<UUID> dependsOn) {
    List<Violation> jobViolations = new ArrayList<>();
    validator.checkJob(read.job(), read.documents(), jobViolations);
    webhooks.checkForJob(read.job().webhooks(), jobViolations);
    FailurePolicyRules.check(read.job(), jobViolations);
    if (jobViolations.isEmpty()) {
      checkDependenciesExist(jobs, tenant, dependsOn, jobViolations);
    }
    return jobViolations;
  }

  /** Inserts the checked job, its dependencies, its creation event and its webhooks. */
  private List<WebhookEndpoints.Created> insertJob(
      Handle handle,
      JobStore jobs,
      String tenant,
      UUID id,
      SubmissionReader.Read read,
      List<UUID> dependsOn,
      boolean hasTaskDependencies) {
    jobs.insert(newJob(tenant, id, read, !dependsOn.isEmpty(), hasTaskDependencies));
    if (!dependsOn.isEmpty()) {
      jobs.insertDependencies(id, dependsOn.toArray(UUID[]::new));
    }
    List<JobWebhook> jobWebhooks = read.job().webhooks();
    events.jobCreated(
        handle,
        tenant,
        id,
        Boolean.TRUE.equals(read.job().taskEvents())
            || WebhookEndpoints.wantTaskEvents(jobWebhooks));
    return webhooks.registerForJob(handle, tenant, id, jobWebhooks);
  }

  private static void checkDependenciesExist(
      JobStore jobs, String tenant, List<UUID> dependsOn, List<Violation> violations) {
    if (dependsOn.isEmpty()) {
      return;
    }
    Set<UUID> existing = jobs.findExistingForTenant(tenant, dependsOn.toArray(UUID[]::new));
    for (int i = 0; i < dependsOn.size(); i++) {
      if (!existing.contains(dependsOn.get(i))) {
        violations.add(new Violation("dependsOn[" + i + "]", "no job " + dependsOn.get(i)));
      }
    }
  }

  private NewJob newJob(
      String tenant,
      UUID id,
      SubmissionReader.Read read,
      boolean waits,
      boolean hasTaskDependencies) {
    JobSubmission job = read.job();
    FailurePolicyRules.Policy policy = FailurePolicyRules.of(job);
    return new NewJob(
        id,
        tenant,
        job.name(),
        (job.priority() == null ? Priority.NORMAL : job.priority()).wireName(),
        job.processor() == null ? defaults.defaultProcessor() : job.processor(),
        toJson(job.options()),
        toJson(job.metadata()),
        job.retry() == null || job.retry().maxAttempts() == null
            ? defaults.defaultMaxAttempts()
            : job.retry().maxAttempts(),
        (waits ? JobState.WAITING : JobState.QUEUED).name(),
        (job.taskOrder() == null ? TaskOrder.FIFO : job.taskOrder()).name(),
        hasTaskDependencies,
        read.documents(),
        job.deadline(),
        policy.initialBackoffMs(),
        policy.maxBackoffMs(),
        policy.thresholdCount(),
        policy.thresholdRatio(),
        policy.failFast(),
        policy.onFailure());
  }

  /** The job's violations first, then the documents' in document order. */
  private static List<Violation> flatten(
      List<Violation> job, Map<Integer, List<Violation>> byDocument) {
    List<Violation> all = new ArrayList<>(job);
    byDocument.values().forEach(all::addAll);
    return all.size() > SubmissionValidator.MAX_REPORTED
        ? all.subList(0, SubmissionValidator.MAX_REPORTED)
        : all;
  }

  private static String toJson(Map<String, Object> value) {
    return Json.mapper().writeValueAsString(value == null ? Map.of() : value);
  }
}
