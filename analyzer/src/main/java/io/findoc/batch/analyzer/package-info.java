/**
 * The financial document analyser behind the worker's {@code findoc.analyze} processor, as plain
 * Java (no Spring, no Kafka, nothing of the worker): reading a document from its source ({@code
 * source}), detecting its type and extracting its text ({@code extract}), classifying it ({@code
 * classify}), extracting fields and checksum-validated identifiers ({@code fields}, {@code
 * identifiers}), checking the figures against each other ({@code checks}) and writing the
 * versioned, size-capped result ({@code result}). A failure is an {@link AnalysisException} with
 * one of the {@link AnalysisError} codes; the caller's {@link Cancellation} stops an analysis under
 * way. {@code corpus} generates labelled documents and measures the analyser against them.
 */
package io.findoc.batch.analyzer;
