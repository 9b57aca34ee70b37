package io.findoc.batch.cli.submit;

import java.nio.file.Path;
import tools.jackson.databind.node.ObjectNode;

/**
 * One document to submit: a local file, or an entry of a manifest that already names its source
 * ({@code uri}, {@code content} or {@code text}).
 *
 * @param id the document's id in its job (unique in the submission)
 * @param file the local file, or null for a manifest entry with its own source
 * @param entry the manifest entry as given (without {@code path}), or null for a file
 * @param sha256 hex SHA-256 of the file's bytes, or of the entry's JSON
 */
public record LocalDocument(String id, Path file, ObjectNode entry, String sha256) {}
