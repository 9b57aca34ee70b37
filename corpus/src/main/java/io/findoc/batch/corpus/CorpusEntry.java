package io.findoc.batch.corpus;

import java.util.Map;

/**
 * One document of a corpus and its ground truth, as listed in {@code ground-truth.json}.
 *
 * @param file the file name in the corpus folder
 * @param format {@code pdf}, {@code txt} or {@code csv}
 * @param template the template that wrote it
 * @param type the document type, as the analyser names it ({@code invoice}, ...)
 * @param fields the expected value of each field that applies to the type; null where the document
 *     states none, so a value found there is a false positive
 */
public record CorpusEntry(
    String id,
    String file,
    String format,
    String template,
    boolean heldOut,
    String type,
    Map<String, String> fields) {}
