package io.findoc.batch.analyzer.result;

import io.findoc.batch.analyzer.checks.ConsistencyChecks;
import io.findoc.batch.analyzer.classify.Classification;
import io.findoc.batch.analyzer.extract.ExtractedText;
import io.findoc.batch.analyzer.fields.DocumentDetails;
import io.findoc.batch.analyzer.fields.DocumentFields;
import io.findoc.batch.analyzer.identifiers.Identifier;
import java.util.List;
import java.util.Map;

/**
 * Everything the analyser found in one document, before it is written as a result.
 *
 * @param format the structured format read ({@code cii}, {@code ubl}, {@code camt.053}, {@code
 *     mt940}), or null for a document read from its visible text
 * @param sources per result field name, where its value came from
 */
public record Analysis(
    ExtractedText text,
    Classification classification,
    DocumentFields fields,
    DocumentDetails details,
    String format,
    Map<String, String> sources,
    List<Identifier> identifiers,
    ConsistencyChecks.Result checks) {}
