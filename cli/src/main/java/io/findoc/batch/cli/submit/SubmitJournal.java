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
 * answers a chunk sent again with the job its key made. One tab-separated line per chunk in {@code
 * $FINDOC_STATE_DIR}, {@code $XDG_STATE_HOME/findoc} or {@code ~/.local/state/findoc}.
 */
public final class SubmitJournal {

  private final Path file;
  private final Map<String, String> jobs = new HashMap<>();

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

  public void record(String api, String key, String job) {
    jobs.put(api + "\t" + key, job);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(
          file,
          api + "\t" + key + "\t" + job + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      // Not fatal: a rerun sends the chunk again and the API answers with the same job.
    }
  }
}
