package io.findoc.batch.analyzer.identifiers;

/**
 * An identifier found in a document.
 *
 * @param kind {@code IBAN}, {@code ISIN}, {@code CUSIP}, {@code LEI}, {@code BIC}, {@code CARD} or
 *     {@code ACCOUNT}
 * @param value the identifier without spaces, masked for card and account numbers (and IBANs)
 *     unless masking was turned off
 * @param valid whether its check digits are right (only labelled identifiers are reported when they
 *     are not)
 * @param masked whether {@code value} is masked
 * @param line the line it is on, from 1
 */
public record Identifier(String kind, String value, boolean valid, boolean masked, int line) {}
