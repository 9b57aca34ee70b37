package io.findoc.batch.analyzer.source;

import io.findoc.batch.analyzer.AnalysisError;
import io.findoc.batch.common.message.Document;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Reads a document that travels in the task message: base64 {@code content} or {@code text}. */
final class InlineSource {

  private final long maxBytes;

  InlineSource(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  DocumentBytes read(Document document) {
    if (document.text() != null) {
      byte[] bytes = document.text().getBytes(StandardCharsets.UTF_8);
      checkSize(bytes.length);
      return new DocumentBytes(bytes, "text/plain; charset=utf-8", "inline");
    }
    String content = document.content();
    // Four base64 characters carry three bytes: refuse before decoding what cannot fit.
    checkSize((long) content.length() / 4 * 3 - 2);
    try {
      byte[] bytes = Base64.getMimeDecoder().decode(content);
      checkSize(bytes.length);
      return new DocumentBytes(bytes, document.contentType(), "inline");
    } catch (IllegalArgumentException e) {
      throw AnalysisError.DOC_INVALID.exception("content is not valid base64: " + e.getMessage());
    }
  }

  private void checkSize(long size) {
    if (size > maxBytes) {
      throw AnalysisError.DOC_TOO_LARGE.exception(
          "inline document is larger than the cap of " + maxBytes + " bytes");
    }
  }
}
