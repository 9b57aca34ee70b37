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

  static Notation[] in(Notation... notations) {
    return notations;
  }
}
