package io.findoc.batch.cli.submit;

import io.findoc.batch.cli.http.FindocApi;
import io.findoc.batch.cli.watch.Interrupts;
import io.findoc.batch.cli.watch.ProgressView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends the chunks of a submission one after the other, each under its idempotency key, skipping
 * those the journal says were accepted. Ctrl-C ends it after the chunk being sent; run again, it
 * goes on where it stopped.
 */
public final class Submitter {

  /** What the submission made: one job per chunk sent, and whether it stopped early. */
  public record Result(List<JsonNode> jobs, boolean stopped) {}

  /** Fields that do not make a chunk another job: its label, and a deadline given as "in 2h". */
  private static final List<String> NOT_IN_KEY = List.of("name", "deadline");

  private final FindocApi api;
  private final JsonMapper json;
  private final SubmitJournal journal;
  private final DocumentSending sending;
  private final ProgressView view;
  private final Interrupts interrupts;

  public Submitter(
      FindocApi api,
      JsonMapper json,
      SubmitJournal journal,
      DocumentSending sending,
      ProgressView view,
      Interrupts interrupts) {
    this.api = api;
    this.json = json;
    this.journal = journal;
    this.sending = sending;
    this.view = view;
    this.interrupts = interrupts;
  }

  public Result submit(String name, ObjectNode jobFields, List<Chunk> chunks, String rerunHint) {
    ObjectNode keyed = jobFields.deepCopy();
    NOT_IN_KEY.forEach(keyed::remove);
    String canonical = json.writeValueAsString(keyed);
    List<JsonNode> jobs = new ArrayList<>();
    String apiUrl = api.url().toString();
    String submission = identity(canonical, chunks);
    if (!journal.isComplete(apiUrl, submission)) {
      // A run again of a submission that was interrupted resumes it: with the same files only.
      refuseIfChanged(apiUrl, canonical, chunks);
    }
    for (Chunk chunk : chunks) {
      if (interrupts.stopRequested()) {
        view.say(
            "findoc: stopped after "
                + jobs.size()
                + " of "
                + chunks.size()
                + " chunks. "
                + rerunHint);
        return new Result(jobs, true);
      }
      List<Boolean> inline = chunk.documents().stream().map(sending::inline).toList();
      String key = chunk.idempotencyKey(canonical, inline);
      String known = journal.jobOf(apiUrl, key).orElse(null);
      if (known != null) {
        jobs.add(api.get("/api/batch/jobs/" + known));
        view.say("findoc: chunk " + chunk.label() + " was submitted before: job " + known);
        continue;
      }
      String label = chunks.size() == 1 ? name : name + " [" + chunk.label() + "]";
      FindocApi.Submitted submitted;
      Path body = temporaryFile();
      try {
        new ChunkBody(json).write(body, label, jobFields, chunk, inline);
        submitted = api.submit(body, key);
      } catch (RuntimeException e) {
        throw new SubmissionException(
            e.getMessage() + (jobs.isEmpty() && chunk.number() == 1 ? "" : "\n" + rerunHint), e);
      } finally {
        delete(body);
      }
      String id = submitted.job().path("id").asString();
      journal.record(apiUrl, key, id, chunk.identity(canonical, inline), chunk.contentHash());
      jobs.add(submitted.job());
      view.say(
          "findoc: chunk "
              + chunk.label()
              + (submitted.replayed() ? " was submitted before: job " : " accepted: job ")
              + id
              + " ("
              + chunk.documents().size()
              + " documents)");
    }
    journal.recordComplete(apiUrl, submission);
    return new Result(jobs, false);
  }

  /** The submission's identity: a hash of its chunks' identities. */
  private String identity(String canonical, List<Chunk> chunks) {
    java.security.MessageDigest digest = Hashes.sha256();
    for (Chunk chunk : chunks) {
      List<Boolean> inline = chunk.documents().stream().map(sending::inline).toList();
      digest.update(
          (chunk.identity(canonical, inline) + "\n")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return java.util.HexFormat.of().formatHex(digest.digest());
  }

  /**
   * Refuses, before anything is sent, a run again of an interrupted submission whose chunks were
   * accepted with other contents than its files have now: resuming would submit other documents. (A
   * submission that was sent whole may be sent again with changed files: that is a new one.)
   */
  private void refuseIfChanged(String apiUrl, String canonical, List<Chunk> chunks) {
    List<String> changed = new ArrayList<>();
    for (Chunk chunk : chunks) {
      List<Boolean> inline = chunk.documents().stream().map(sending::inline).toList();
      journal
          .chunkOf(apiUrl, chunk.identity(canonical, inline))
          .filter(accepted -> !accepted.contentHash().equals(chunk.contentHash()))
          .ifPresent(
              accepted ->
                  changed.add(
                      "chunk "
                          + chunk.label()
                          + " ("
                          + span(chunk)
                          + ") was accepted as job "
                          + accepted.job()
                          + " with other contents"));
    }
    if (!changed.isEmpty()) {
      throw new ChangedInputsException(
          "the files changed since this submission was sent: "
              + String.join("; ", changed.subList(0, Math.min(3, changed.size())))
              + (changed.size() > 3 ? "; and " + (changed.size() - 3) + " more chunks" : "")
              + ". Nothing was sent. Restore the files to resume it, or submit the changed files"
              + " as a submission of their own (other files, or other flags).");
    }
  }

  private static String span(Chunk chunk) {
    List<LocalDocument> documents = chunk.documents();
    String first = documents.get(0).id();
    return documents.size() == 1
        ? first
        : first + " .. " + documents.get(documents.size() - 1).id();
  }

  private static Path temporaryFile() {
    try {
      return Files.createTempFile("findoc-chunk-", ".json");
    } catch (IOException e) {
      throw new SubmissionException("cannot create a temporary file: " + e.getMessage(), e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      file.toFile().deleteOnExit();
    }
  }
}
