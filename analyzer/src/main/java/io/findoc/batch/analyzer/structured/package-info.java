/**
 * Structured financial documents: e-invoices (UN/CEFACT CII as in ZUGFeRD, Factur-X and XRechnung;
 * UBL 2.1), ISO 20022 camt.053 and SWIFT MT940 statements, read field by field rather than from
 * their visible text. XML is parsed by {@link io.findoc.batch.analyzer.structured.SafeXml}, which
 * refuses document type declarations.
 */
package io.findoc.batch.analyzer.structured;
