package io.findoc.batch.coordinator.submission;

import io.findoc.batch.common.message.Document;
import java.util.List;

/**
 * One document of a submission: the {@link Document} the workers get, and the ids of the documents
 * of the same job that must be processed successfully before it ({@code dependsOn}, optional).
 */
public record SubmittedDocument(
    String id,
    String uri,
    String content,
    String contentType,
    String text,
    List<String> dependsOn) {

  public Document document() {
    return new Document(id, uri, content, contentType, text);
  }

  public boolean hasDependencies() {
    return dependsOn != null && !dependsOn.isEmpty();
  }
}
