package io.findoc.batch.analyzer.extract;

/** The document formats the analyser reads. */
public enum ContentType {
  PDF,
  TEXT,
  CSV,
  HTML,
  /** An e-invoice (CII, UBL) or camt.053 statement. */
  XML,
  /** A SWIFT MT940 statement. */
  MT940;

  /** The name in results: {@code pdf}, {@code text}, {@code csv}, {@code html}, ... */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
