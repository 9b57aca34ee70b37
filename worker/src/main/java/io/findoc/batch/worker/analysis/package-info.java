/**
 * The financial document analyser behind the {@code findoc.analyze} processor: reading a document
 * from its source ({@code source}), detecting its type and extracting its text ({@code extract}),
 * classifying it ({@code classify}), extracting fields and checksum-validated identifiers ({@code
 * fields}, {@code identifiers}), checking the figures against each other ({@code checks}) and
 * writing the versioned, size-capped result ({@code result}). {@code corpus} generates labelled
 * documents and measures the analyser against them.
 */
package io.findoc.batch.worker.analysis;
