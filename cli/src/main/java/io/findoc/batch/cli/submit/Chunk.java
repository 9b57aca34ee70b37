package io.findoc.batch.cli.submit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

/**
 * Some consecutive documents of a submission, sent as one job.
 *
 * @param number the chunk's number, from 1
 * @param of how many chunks the submission has
 * @param documents its documents, in order
 */
public record Chunk(int number, int of, List<LocalDocument> documents) {

  /** Splits documents, in their order, into chunks of at most {@code size}. */
  public static List<Chunk> split(List<LocalDocument> documents, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("a chunk has at least one document, not " + size);
    }
    int count = (documents.size() + size - 1) / size;
    List<Chunk> chunks = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      chunks.add(
          new Chunk(
              i + 1,
              count,
              documents.subList(i * size, Math.min(documents.size(), (i + 1) * size))));
    }
    return chunks;
  }

  /**
   * The chunk's {@code Idempotency-Key}: a hash of the job's fields, how each document is sent and
   * each document's id and content. The same files with the same flags give the same key, so a
   * submission run again after an interruption is answered with the jobs it already made; a changed
   * file, flag or way of sending gives a new job.
   *
   * @param jobFields the job's fields (processor, options, priority...) as canonical JSON
   * @param inline whether each document is sent inline (else by reference), in order
   */
  public String idempotencyKey(String jobFields, List<Boolean> inline) {
    return "findoc-cli-" + hash(jobFields, inline, LocalDocument::sha256);
  }

  /**
   * Which chunk of which submission this is, whatever its files hold: a hash of the job's fields,
   * this chunk's place, and each document's id, file (its absolute path) and way of sending. A run
   * again of the same command gives each chunk the same identity; the journal keeps each accepted
   * chunk's {@link #contentHash} under it, so that a rerun whose files changed is found out.
   */
  public String identity(String jobFields, List<Boolean> inline) {
    return hash(
        jobFields + "\n" + number + "/" + of,
        inline,
        document ->
            document.file() == null ? "" : document.file().toAbsolutePath().normalize().toString());
  }

  /**
   * A SHA-256, in hex, of {@code head} and then, per document, a line of its id, {@code what} of it
   * and how it is sent.
   */
  private String hash(String head, List<Boolean> inline, Function<LocalDocument, String> what) {
    MessageDigest digest = Hashes.sha256();
    digest.update(head.getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < documents.size(); i++) {
      LocalDocument document = documents.get(i);
      String line =
          "\n"
              + document.id()
              + "\u0000"
              + what.apply(document)
              + "\u0000"
              + (inline.get(i) ? "inline" : "ref");
      digest.update(line.getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** A hash of the chunk's documents' contents (their SHA-256s, in order). */
  public String contentHash() {
    MessageDigest digest = Hashes.sha256();
    for (LocalDocument document : documents) {
      digest.update((document.sha256() + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** "3/10". */
  public String label() {
    return number + "/" + of;
  }
}
