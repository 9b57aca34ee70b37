/**
 * Tells what kind of financial document a text is, by weighted keywords in English, German, French
 * and Dutch ({@link Vocabulary}), with a confidence and the signals that decided it.
 */
package io.findoc.batch.analyzer.classify;
