package io.findoc.batch.coordinator.store;

import io.findoc.batch.common.json.Json;
import io.findoc.batch.common.message.Document;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import tools.jackson.databind.ObjectWriter;

/**
 * Inserts a job's tasks with COPY, streamed in chunks: a million tasks take seconds, not minutes,
 * and never sit in memory twice.
 */
public final class TaskWriter {

  private static final String COPY_SQL =
      "COPY task (job_id, number, document_ref, document) FROM STDIN";
  private static final int CHUNK_CHARS = 1 << 16;

  private final ObjectWriter documentWriter = Json.mapper().writerFor(Document.class);

  /** Inserts one PENDING task per document, numbered from 1, in the handle's transaction. */
  public void insertAll(Handle handle, UUID jobId, List<Document> documents) {
    try {
      CopyIn copy = handle.getConnection().unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_SQL);
      try {
        StringBuilder chunk = new StringBuilder(CHUNK_CHARS + 1024);
        String job = jobId.toString();
        int number = 0;
        for (Document document : documents) {
          chunk.append(job).append('\t').append(++number).append('\t');
          appendEscaped(chunk, document.id());
          chunk.append('\t');
          appendEscaped(chunk, documentWriter.writeValueAsString(document));
          chunk.append('\n');
          if (chunk.length() >= CHUNK_CHARS) {
            write(copy, chunk);
          }
        }
        write(copy, chunk);
        copy.endCopy();
      } finally {
        if (copy.isActive()) {
          copy.cancelCopy();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not insert the tasks of job " + jobId, e);
    }
  }

  private static void write(CopyIn copy, StringBuilder chunk) throws SQLException {
    byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
    copy.writeToCopy(bytes, 0, bytes.length);
    chunk.setLength(0);
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
