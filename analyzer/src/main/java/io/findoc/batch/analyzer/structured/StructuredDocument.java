package io.findoc.batch.analyzer.structured;

import io.findoc.batch.analyzer.classify.DocumentType;
import io.findoc.batch.analyzer.fields.DocumentDetails;
import io.findoc.batch.analyzer.fields.DocumentFields;

/**
 * A document read from a structured format rather than from its visible text.
 *
 * @param format {@code cii} (UN/CEFACT Cross Industry Invoice: ZUGFeRD, Factur-X, XRechnung),
 *     {@code ubl} (UBL 2.1 invoice or credit note), {@code camt.053} or {@code mt940}
 */
public record StructuredDocument(
    String format, DocumentType type, DocumentFields fields, DocumentDetails details) {}
