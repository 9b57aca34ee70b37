package io.findoc.batch.cli.submit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The chunks this machine has had accepted, by API and idempotency key, with their jobs: a
 * submission run again skips them without sending their bodies. Losing it costs only that: the API
 * answers a chunk sent again with the job its key made. Each chunk is also noted by its {@link
 * Chunk#identity} with its {@link Chunk#contentHash}, so that a run again whose files changed is
 * refused rather than resumed with other documents. Tab-separated lines in {@code
 * $FINDOC_STATE_DIR}, {@code $XDG_STATE_HOME/findoc} or {@code ~/.local/state/findoc}: {@code api
 * key job}, {@code api chunk:identity job contentHash} and {@code api done:submission} once every
 * chunk of a submission was accepted.
 */
public final class SubmitJournal {

  private static final String CHUNK = "chunk:";
  private static final String DONE = "done:";

  private final Path file;
  private final Map<String, String> jobs = new HashMap<>();
  private final Map<String, Accepted> chunks = new HashMap<>();
  private final java.util.Set<String> complete = new java.util.HashSet<>();

  /** A chunk accepted before: its job, and the hash of the contents it was sent with. */
  public record Accepted(String job, String contentHash) {}

  private SubmitJournal(Path file) {
    this.file = file;
  }

  public static Path location(Map<String, String> env) {
    String explicit = env.get("FINDOC_STATE_DIR");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit).resolve("submitted.tsv");
    }
    String xdg = env.get("XDG_STATE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".local", "state");
    return base.resolve("findoc").resolve("submitted.tsv");
  }

  public static SubmitJournal open(Path file) {
    SubmitJournal journal = new SubmitJournal(file);
    if (Files.isRegularFile(file)) {
      try {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          String[] parts = line.split("\t");
          if (parts.length == 3) {
            journal.jobs.put(parts[0] + "\t" + parts[1], parts[2]);
          } else if (parts.length == 2 && parts[1].startsWith(DONE)) {
            journal.complete.add(parts[0] + "\t" + parts[1]);
          } else if (parts.length == 4 && parts[1].startsWith(CHUNK)) {
            journal.chunks.put(parts[0] + "\t" + parts[1], new Accepted(parts[2], parts[3]));
          }
        }
      } catch (IOException e) {
        // An unreadable journal is an empty one: the idempotency keys still prevent duplicates.
      }
    }
    return journal;
  }

  public Optional<String> jobOf(String api, String key) {
    return Optional.ofNullable(jobs.get(api + "\t" + key));
  }

  /** The chunk of that identity accepted before by this API, if any. */
  public Optional<Accepted> chunkOf(String api, String identity) {
    return Optional.ofNullable(chunks.get(api + "\t" + CHUNK + identity));
  }

  /** Whether every chunk of the submission {@code identity} was accepted, in some run. */
  public boolean isComplete(String api, String identity) {
    return complete.contains(api + "\t" + DONE + identity);
  }

  /** Notes that every chunk of the submission {@code identity} was accepted. */
  public void recordComplete(String api, String identity) {
    if (complete.add(api + "\t" + DONE + identity)) {
      append(api + "\t" + DONE + identity + "\n");
    }
  }

  /** Notes a chunk accepted: its idempotency key's job, and its identity's contents. */
  public void record(String api, String key, String job, String identity, String contentHash) {
    jobs.put(api + "\t" + key, job);
    chunks.put(api + "\t" + CHUNK + identity, new Accepted(job, contentHash));
    append(
        api
            + "\t"
            + key
            + "\t"
            + job
            + "\n"
            + api
            + "\t"
            + CHUNK
            + identity
            + "\t"
            + job
            + "\t"
            + contentHash
            + "\n");
  }

  private void append(String lines) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(
          file,
          lines,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      // Not fatal: a rerun sends the chunk again and the API answers with the same job.
    }
  }
}
