package io.findoc.batch.corpus;

import java.util.function.Function;

/**
 * One layout of one document type.
 *
 * @param name unique, such as {@code invoice-us}
 * @param heldOut whether the template was written after the extractors and is kept for evaluation
 * @param formats the formats it may be written in: {@code pdf}, {@code txt}, {@code csv}
 * @param notations the number and date notations it is written in, one drawn per document
 */
record Template(
    String name,
    boolean heldOut,
    String[] formats,
    Notation[] notations,
    Function<Fakes, GeneratedDocument> render) {

  static Template of(
      String name,
      boolean heldOut,
      Notation[] notations,
      Function<Fakes, GeneratedDocument> render) {
    return new Template(name, heldOut, new String[] {"pdf", "txt"}, notations, render);
  }

  /** Writes one document into {@code out} and returns its ground truth. */
  @FunctionalInterface
  interface Wording {
    Truth write(Fakes f, Layout out);
  }

  /** A text or PDF template of documents of {@code type}, each written by {@code wording}. */
  static Template of(
      String name, String type, boolean heldOut, Notation[] notations, Wording wording) {
    return of(
        name,
        heldOut,
        notations,
        f -> {
          Layout out = new Layout();
          Truth truth = wording.write(f, out);
          return new GeneratedDocument(name, type, out.lines, false, truth.values());
        });
  }

  static Notation[] in(Notation... notations) {
    return notations;
  }
}
