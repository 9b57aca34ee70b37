package io.findoc.batch.coordinator.contract;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.findoc.batch.coordinator.submission.JobSubmission;
import io.findoc.batch.coordinator.submission.SubmittedDocument;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * How the OpenAPI document shows the body of {@code POST /api/batch/jobs}: the job's fields and its
 * documents. The controller reads that body as a stream ({@link
 * io.findoc.batch.coordinator.submission.SubmissionReader}), so nothing generates this schema from
 * a parameter.
 */
@Schema(name = "JobSubmission")
public record JobSubmissionBody(
    @JsonUnwrapped JobSubmission job,
    @Schema(
            description =
                "one task each, in order; each with a unique id and one source: uri (file://"
                    + " where the workers can read it, or http(s)), content (base64) or text")
        List<SubmittedDocument> documents) {

  /** The example the document shows for a submission. */
  public static final String EXAMPLE =
      """
      {
        "name": "invoices 2026-11",
        "priority": "normal",
        "processor": "findoc.analyze",
        "options": {"language": "en"},
        "retry": {"maxAttempts": 3, "initialBackoff": "PT2S"},
        "deadline": "2026-12-31T18:00:00Z",
        "documents": [
          {"id": "inv-001.pdf", "uri": "file:///srv/findoc/documents/inv-001.pdf"},
          {"id": "inv-002.txt", "text": "Invoice 002 Total 120.00 EUR"}
        ]
      }
      """;
}
