/**
 * Fields read from a document's text: money amounts in US and European notations ({@link
 * MoneyParser}), dates ({@link DateParser}), and the labelled fields of financial documents (dates,
 * period, parties, totals, balances) found by the label vocabulary of {@link Labels}.
 */
package io.findoc.batch.analyzer.fields;
