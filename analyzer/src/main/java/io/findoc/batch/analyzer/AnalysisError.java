package io.findoc.batch.analyzer;

/**
 * Every way the analysis of one document can fail, each with its stable code (the enum constant's
 * name) and whether another attempt may succeed. A task fails with exactly one of these.
 */
public enum AnalysisError {
  /** The document names no source, or more than one, or an unreadable one (bad base64, URI). */
  DOC_INVALID(false),
  /** A {@code file://} path outside the configured roots, with {@code ..} or encoded traversal. */
  DOC_PATH_NOT_ALLOWED(false),
  /**
   * An http(s) host resolving to a loopback, private, link-local, metadata or documentation
   * address.
   */
  DOC_ADDRESS_NOT_ALLOWED(false),
  /** A URI scheme other than {@code file}, {@code http} and {@code https}. */
  DOC_SCHEME_NOT_ALLOWED(false),
  /** The document is larger than the configured cap (counted while reading). */
  DOC_TOO_LARGE(false),
  /** The file or URL does not exist (HTTP 404 or 410). */
  DOC_NOT_FOUND(false),
  /** The server refuses access (HTTP 401 or 403). */
  DOC_ACCESS_DENIED(false),
  /** A fetch that may succeed later: timeout, connection reset, HTTP 5xx or 429. */
  DOC_FETCH_FAILED(true),
  /** A fetch that will not succeed: too many redirects, another 4xx status. */
  DOC_FETCH_REFUSED(false),
  /**
   * The content is none of the supported types (PDF, plain text, CSV, HTML, e-invoice and camt.053
   * XML, MT940).
   */
  DOC_TYPE_UNSUPPORTED(false),
  /** Text, CSV, HTML, XML or MT940 content longer than the configured character cap. */
  DOC_TEXT_TOO_LARGE(false),
  /** The declared content type says PDF but the bytes are not one. */
  DOC_TYPE_MISMATCH(false),
  /** A PDF without a text layer (scanned pages, images only) and without an embedded invoice. */
  DOC_IMAGE_ONLY(false),
  /** The PDF is encrypted with a password the worker does not have. */
  PDF_ENCRYPTED(false),
  /** The PDF is truncated or damaged beyond what the parser repairs. */
  PDF_CORRUPT(false),
  /** The PDF has more pages than the configured cap. */
  PDF_TOO_MANY_PAGES(false),
  /** The PDF needs more memory, or yields more text, than the configured caps (such as a bomb). */
  PDF_TOO_LARGE(false),
  /**
   * The PDF memory all of the worker's parses share is held by other documents; another attempt,
   * later, may find it free.
   */
  PDF_MEMORY_BUSY(true),
  /**
   * An XML document (e-invoice, camt.053) or an MT940 statement that is malformed, or XML that
   * carries a document type declaration: entity expansion and external entities are refused.
   */
  STRUCTURED_INVALID(false),
  /** A job option of {@code findoc.analyze} has a wrong type or value. */
  INVALID_OPTIONS(false);

  private final boolean retryable;

  AnalysisError(boolean retryable) {
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }

  /** A failure with this code and {@code message}, for the processor to throw. */
  public AnalysisException exception(String message) {
    return new AnalysisException(this, message);
  }
}
