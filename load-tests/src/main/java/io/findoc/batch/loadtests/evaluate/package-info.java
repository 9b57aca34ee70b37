/**
 * The analyser's evaluation on a held-out corpus ({@code ./findoc evaluate}): PDFs drawn with
 * PDFBox in four layout families per type, worded from a phrase list the analyser never sees, and
 * the scores of {@code findoc.analyze} on them.
 */
package io.findoc.batch.loadtests.evaluate;
