/**
 * Finding a fixed vocabulary of phrases in text in one pass ({@link PhraseMatcher}): the label and
 * keyword vocabularies of {@code fields} and {@code classify} are matched this way, not by a
 * many-way regular expression tried at every position.
 */
package io.findoc.batch.analyzer.phrase;
