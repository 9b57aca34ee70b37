/**
 * A labelled corpus of synthetic financial documents ({@link CorpusGenerator}: PDF, text and CSV
 * from several templates per type, in US and European notations, with the ground truth of each) and
 * the measurement of the analyser against it ({@link CorpusEvaluation}). Templates marked held out
 * were written after the extractors, and are not used to tune them.
 */
package io.findoc.batch.analyzer.corpus;
