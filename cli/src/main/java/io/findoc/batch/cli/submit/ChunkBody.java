package io.findoc.batch.cli.submit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a chunk's submission body to a file, document by document, so that a chunk of large inline
 * files never sits in memory whole.
 */
public final class ChunkBody {

  private static final Map<String, String> CONTENT_TYPES =
      Map.of(
          "pdf", "application/pdf",
          "txt", "text/plain",
          "html", "text/html",
          "htm", "text/html",
          "json", "application/json",
          "xml", "application/xml",
          "csv", "text/csv",
          "png", "image/png",
          "jpg", "image/jpeg",
          "tif", "image/tiff");

  private final JsonMapper json;

  public ChunkBody(JsonMapper json) {
    this.json = json;
  }

  /** Writes the body: {@code jobFields} with {@code name}, then the documents. */
  public void write(
      Path target, String name, ObjectNode jobFields, Chunk chunk, List<Boolean> inline) {
    try (OutputStream out = Files.newOutputStream(target);
        JsonGenerator body = json.createGenerator(out)) {
      body.writeStartObject();
      body.writeName("name");
      body.writeString(name);
      for (Map.Entry<String, tools.jackson.databind.JsonNode> field : jobFields.properties()) {
        if (!field.getKey().equals("name")) {
          body.writeName(field.getKey());
          body.writeTree(field.getValue());
        }
      }
      body.writeName("documents");
      body.writeStartArray();
      for (int i = 0; i < chunk.documents().size(); i++) {
        LocalDocument document = chunk.documents().get(i);
        if (document.file() == null) {
          body.writeTree(document.entry());
          continue;
        }
        body.writeStartObject();
        body.writeName("id");
        body.writeString(document.id());
        if (inline.get(i)) {
          long size = Files.size(document.file());
          if (size > DocumentSending.MAX_INLINE_BYTES) {
            throw new SubmissionException(
                document.file()
                    + " has "
                    + size
                    + " bytes, too many to send inline (at most "
                    + DocumentSending.MAX_INLINE_BYTES
                    + "); put it under a folder the workers read and name it with --file-root");
          }
          body.writeName("content");
          body.writeString(Base64.getEncoder().encodeToString(Files.readAllBytes(document.file())));
          body.writeName("contentType");
          body.writeString(contentType(document.file()));
        } else {
          body.writeName("uri");
          body.writeString(document.file().toRealPath().toUri().toString());
        }
        body.writeEndObject();
      }
      body.writeEndArray();
      body.writeEndObject();
    } catch (IOException e) {
      throw new SubmissionException(
          "cannot write the body of chunk " + chunk.label() + ": " + e, e);
    }
  }

  static String contentType(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
  }
}
