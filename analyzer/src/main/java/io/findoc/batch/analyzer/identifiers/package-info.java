/**
 * Financial identifiers and their check digits: IBAN (ISO 13616, mod 97), ISIN (ISO 6166, Luhn),
 * CUSIP, LEI (ISO 17442, mod 97), BIC (ISO 9362, format only), and payment card numbers (Luhn);
 * {@link IdentifierScanner} finds them in text and masks account and card numbers.
 */
package io.findoc.batch.analyzer.identifiers;
