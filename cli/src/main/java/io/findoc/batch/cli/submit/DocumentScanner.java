package io.findoc.batch.cli.submit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the arguments of {@code findoc submit} into documents, always in the same order (so that
 * the same arguments make the same chunks): a folder gives its regular files, recursively, sorted,
 * each with its path under the folder as id; files given one by one keep their order, with their
 * names as ids; a {@code .json} argument is a manifest.
 */
public final class DocumentScanner {

  /** The documents, and the job fields a manifest gives (empty without one). */
  public record Scanned(List<LocalDocument> documents, ObjectNode manifestFields) {}

  private final JsonMapper json;

  public DocumentScanner(JsonMapper json) {
    this.json = json;
  }

  public Scanned scan(List<Path> arguments) {
    List<LocalDocument> documents = new ArrayList<>();
    ObjectNode fields = json.createObjectNode();
    for (Path argument : arguments) {
      if (Files.isDirectory(argument)) {
        documents.addAll(folder(argument));
      } else if (Files.isRegularFile(argument) && isManifest(argument) && arguments.size() == 1) {
        return manifest(argument);
      } else if (Files.isRegularFile(argument)) {
        documents.add(file(argument.getFileName().toString(), argument));
      } else {
        throw new SubmissionException("no such file or folder: " + argument);
      }
    }
    requireUniqueIds(documents);
    if (documents.isEmpty()) {
      throw new SubmissionException("no documents found in " + arguments);
    }
    return new Scanned(documents, fields);
  }

  private List<LocalDocument> folder(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().startsWith("."))
          .map(f -> folder.relativize(f).toString().replace('\\', '/'))
          .sorted(Comparator.naturalOrder())
          .map(id -> file(id, folder.resolve(id)))
          .toList();
    } catch (IOException e) {
      throw new SubmissionException("cannot list " + folder + ": " + e.getMessage(), e);
    }
  }

  private static LocalDocument file(String id, Path file) {
    return new LocalDocument(id, file, null, Hashes.of(file));
  }

  /**
   * A manifest: a submission body whose documents may name a local {@code path} (relative to the
   * manifest) instead of a source; its other fields are the job's, under the command's flags.
   */
  private Scanned manifest(Path manifest) {
    JsonNode body;
    try {
      body = json.readTree(Files.readString(manifest));
    } catch (IOException | JacksonException e) {
      throw new SubmissionException("cannot read the manifest " + manifest + ": " + e.getMessage());
    }
    if (!body.isObject() || !body.path("documents").isArray()) {
      throw new SubmissionException(
          "the manifest " + manifest + " must be a JSON object with a 'documents' array");
    }
    ObjectNode fields = ((ObjectNode) body).deepCopy();
    fields.remove("documents");
    Path base = manifest.toAbsolutePath().getParent();
    List<LocalDocument> documents = new ArrayList<>();
    int index = 0;
    for (JsonNode entry : body.get("documents")) {
      if (!entry.isObject()) {
        throw new SubmissionException("manifest documents[" + index + "] is not an object");
      }
      ObjectNode given = ((ObjectNode) entry).deepCopy();
      JsonNode path = given.remove("path");
      String id = given.path("id").isString() ? given.get("id").asString() : null;
      if (path != null) {
        Path file = base.resolve(path.asString());
        if (!Files.isRegularFile(file)) {
          throw new SubmissionException("manifest documents[" + index + "]: no such file " + file);
        }
        documents.add(file(id != null ? id : path.asString(), file));
      } else {
        if (id == null) {
          throw new SubmissionException("manifest documents[" + index + "] has no id");
        }
        documents.add(
            new LocalDocument(id, null, given, Hashes.of(json.writeValueAsString(given))));
      }
      index++;
    }
    requireUniqueIds(documents);
    return new Scanned(documents, fields);
  }

  private static boolean isManifest(Path file) {
    return file.getFileName().toString().endsWith(".json");
  }

  private static void requireUniqueIds(List<LocalDocument> documents) {
    Set<String> seen = new HashSet<>();
    for (LocalDocument document : documents) {
      if (!seen.add(document.id())) {
        throw new SubmissionException(
            "two documents have the id '"
                + document.id()
                + "'; give files from different folders as a folder, or use a manifest");
      }
    }
  }
}
