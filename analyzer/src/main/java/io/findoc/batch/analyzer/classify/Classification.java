package io.findoc.batch.analyzer.classify;

import java.util.List;

/**
 * The verdict on a document.
 *
 * @param confidence 0 to 1: how clearly the winning type's score stands above the others
 * @param signals the keywords and features that scored for the winning type, strongest first
 */
public record Classification(DocumentType type, double confidence, List<String> signals) {}
