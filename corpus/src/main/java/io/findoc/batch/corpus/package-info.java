/**
 * A labelled corpus of synthetic financial documents ({@link CorpusGenerator}: PDF, text and CSV
 * from several templates per type, in US and European notations, with the ground truth of each) and
 * the scoring of an analyser against it ({@link CorpusEvaluation}). Templates marked held out were
 * written after the extractors, and are not used to tune them. Used by the tests, the demo, {@code
 * ./findoc evaluate} and the benchmarks only: no production jar carries it, and it knows nothing of
 * the analyser.
 */
package io.findoc.batch.corpus;
