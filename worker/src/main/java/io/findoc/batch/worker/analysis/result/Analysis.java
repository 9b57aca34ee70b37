package io.findoc.batch.worker.analysis.result;

import io.findoc.batch.worker.analysis.checks.ConsistencyChecks;
import io.findoc.batch.worker.analysis.classify.Classification;
import io.findoc.batch.worker.analysis.extract.ExtractedText;
import io.findoc.batch.worker.analysis.fields.DocumentFields;
import io.findoc.batch.worker.analysis.identifiers.Identifier;
import java.util.List;

/** Everything the analyser found in one document, before it is written as a result. */
public record Analysis(
    ExtractedText text,
    Classification classification,
    DocumentFields fields,
    List<Identifier> identifiers,
    ConsistencyChecks.Result checks) {}
