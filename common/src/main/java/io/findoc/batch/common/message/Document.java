package io.findoc.batch.common.message;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One document to process: the client's reference {@code id} and exactly one source: a {@code uri}
 * the worker fetches, inline {@code content} (base64) with its {@code contentType}, or inline
 * {@code text}. Large documents travel by reference, never inline.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Document(String id, String uri, String content, String contentType, String text) {

  public static Document ofText(String id, String text) {
    return new Document(id, null, null, null, text);
  }

  /** A document by reference: the worker fetches {@code uri}. */
  public static Document ofUri(String id, String uri) {
    return new Document(id, uri, null, null, null);
  }
}
