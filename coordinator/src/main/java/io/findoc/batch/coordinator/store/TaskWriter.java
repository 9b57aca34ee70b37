package io.findoc.batch.coordinator.store;

import io.findoc.batch.common.json.Json;
import io.findoc.batch.common.message.Document;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import tools.jackson.databind.ObjectWriter;

/**
 * Inserts a job's tasks with COPY, row by row as the documents are read, sent in 64 KiB chunks: a
 * million tasks take seconds, and never sit in memory together.
 */
public final class TaskWriter {

  private static final String COPY_SQL =
      "COPY task (job_id, number, document_ref, document) FROM STDIN";
  private static final int CHUNK_CHARS = 1 << 16;

  private final ObjectWriter documentWriter = Json.mapper().writerFor(Document.class);

  /** Starts a COPY of PENDING tasks of {@code jobId} in the handle's transaction. */
  public Copy open(Handle handle, UUID jobId) {
    try {
      return new Copy(
          handle.getConnection().unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_SQL),
          jobId.toString());
    } catch (SQLException e) {
      throw new IllegalStateException("could not start inserting the tasks of job " + jobId, e);
    }
  }

  /** One COPY in progress; {@link #close()} without {@link #finish()} cancels it. */
  public final class Copy implements AutoCloseable {

    private final CopyIn copy;
    private final String job;
    private final StringBuilder chunk = new StringBuilder(CHUNK_CHARS + 1024);

    private Copy(CopyIn copy, String job) {
      this.copy = copy;
      this.job = job;
    }

    /** Adds task {@code number} for {@code document}. */
    public void add(int number, Document document) {
      chunk.append(job).append('\t').append(number).append('\t');
      appendEscaped(chunk, document.id());
      chunk.append('\t');
      appendEscaped(chunk, documentWriter.writeValueAsString(document));
      chunk.append('\n');
      if (chunk.length() >= CHUNK_CHARS) {
        flush();
      }
    }

    /** Sends what is left and ends the COPY. */
    public void finish() {
      flush();
      try {
        copy.endCopy();
      } catch (SQLException e) {
        throw new IllegalStateException("could not insert the tasks of job " + job, e);
      }
    }

    private void flush() {
      byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
      chunk.setLength(0);
      try {
        copy.writeToCopy(bytes, 0, bytes.length);
      } catch (SQLException e) {
        throw new IllegalStateException("could not insert the tasks of job " + job, e);
      }
    }

    @Override
    public void close() {
      if (copy.isActive()) {
        try {
          copy.cancelCopy();
        } catch (SQLException e) {
          // The transaction rolls back in any case.
        }
      }
    }
  }

  /** Escapes a value for COPY's text format. */
  static void appendEscaped(StringBuilder out, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
  }
}
