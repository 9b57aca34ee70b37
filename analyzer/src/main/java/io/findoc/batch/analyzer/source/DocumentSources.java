package io.findoc.batch.analyzer.source;

import io.findoc.batch.analyzer.AnalysisError;
import io.findoc.batch.common.message.Document;
import io.findoc.batch.common.net.AddressGuard;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Reads a task's document from whichever source it names (exactly one of {@code uri}, {@code
 * content}, {@code text}), within the {@link SourceLimits}. Thread-safe.
 */
public final class DocumentSources {

  private final InlineSource inline;
  private final FileSource files;
  private final HttpSource http;

  public DocumentSources(SourceLimits limits) {
    this.inline = new InlineSource(limits.maxDocumentBytes());
    this.files = new FileSource(new FileRoots(limits.fileRoots()), limits.maxDocumentBytes());
    this.http =
        new HttpSource(
            new AddressGuard(limits.allowedHosts(), limits.allowLoopback()),
            limits.connectTimeout(),
            limits.readTimeout(),
            limits.maxRedirects(),
            limits.maxDocumentBytes(),
            limits.fetchDeadline());
  }

  /** The document's bytes; throws a {@link AnalysisError} failure if they may not be read. */
  public DocumentBytes read(Document document) throws IOException {
    int sources =
        (document.uri() != null ? 1 : 0)
            + (document.content() != null ? 1 : 0)
            + (document.text() != null ? 1 : 0);
    if (sources != 1) {
      throw AnalysisError.DOC_INVALID.exception(
          "document " + document.id() + " must have exactly one of uri, content, text");
    }
    if (document.uri() == null) {
      return inline.read(document);
    }
    URI uri = parse(document.uri());
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    DocumentBytes bytes =
        switch (scheme) {
          case "file" -> files.read(uri);
          case "http", "https" -> http.read(uri);
          default ->
              throw AnalysisError.DOC_SCHEME_NOT_ALLOWED.exception(
                  "scheme '" + scheme + "' of document " + document.id() + " is not supported");
        };
    // The submitter's claim, where given, is what a mismatch is measured against.
    return document.contentType() == null
        ? bytes
        : new DocumentBytes(bytes.bytes(), document.contentType(), bytes.origin());
  }

  private static URI parse(String uri) {
    try {
      return new URI(uri);
    } catch (URISyntaxException e) {
      throw AnalysisError.DOC_INVALID.exception("not a URI: " + e.getMessage());
    }
  }
}
