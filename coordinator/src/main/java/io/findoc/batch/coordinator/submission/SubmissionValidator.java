package io.findoc.batch.coordinator.submission;

import io.findoc.batch.coordinator.config.CoordinatorProperties;
import io.findoc.batch.coordinator.validation.Violation;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules and limits of a submission. Checks add every violation they find to a list, so that a
 * client can fix them all in one go; {@link JobSubmitter} stops at {@link #MAX_REPORTED}.
 */
public final class SubmissionValidator {

  /** The most violations one answer lists. */
  public static final int MAX_REPORTED = 50;

  private static final int MAX_NAME_LENGTH = 200;
  private static final int MAX_DOCUMENT_ID_LENGTH = 200;
  private static final int MAX_URI_LENGTH = 2048;
  private static final Pattern PROCESSOR_NAME = Pattern.compile("[a-z][a-z0-9._-]{0,63}");
  private static final Set<String> URI_SCHEMES = Set.of("file", "http", "https");

  private final CoordinatorProperties.Submission limits;

  private final Clock clock;

  public SubmissionValidator(CoordinatorProperties.Submission limits, Clock clock) {
    this.limits = limits;
    this.clock = clock;
  }

  /** Checks the job's own fields and the number of documents. */
  public void checkJob(JobSubmission job, int documents, List<Violation> violations) {
    checkName(job.name(), violations);
    if (job.processor() != null && !PROCESSOR_NAME.matcher(job.processor()).matches()) {
      violations.add(
          new Violation(
              "processor",
              "must be 1 to 64 characters of a-z, 0-9, '.', '_' or '-', starting with a letter"));
    }
    if (job.retry() != null && job.retry().maxAttempts() != null) {
      int attempts = job.retry().maxAttempts();
      if (attempts < 1 || attempts > 100) {
        violations.add(new Violation("retry.maxAttempts", "must be between 1 and 100"));
      }
    }
    if (job.dependsOn() != null) {
      if (job.dependsOn().size() > limits.maxDependencies()) {
        violations.add(
            new Violation(
                "dependsOn", "a job may depend on at most " + limits.maxDependencies() + " jobs"));
      }
      for (int i = 0; i < job.dependsOn().size(); i++) {
        if (job.dependsOn().get(i) == null) {
          violations.add(new Violation("dependsOn[" + i + "]", "must be a job id"));
        }
      }
    }
    if (job.deadline() != null && !job.deadline().isAfter(clock.instant())) {
      violations.add(new Violation("deadline", "must be in the future"));
    }
    if (documents == 0) {
      violations.add(new Violation("documents", "at least one document is required"));
    }
  }

  private static void checkName(String name, List<Violation> violations) {
    if (name == null || name.isBlank()) {
      violations.add(new Violation("name", "is required"));
    } else if (name.length() > MAX_NAME_LENGTH) {
      violations.add(new Violation("name", "must be at most " + MAX_NAME_LENGTH + " characters"));
    }
  }

  /**
   * Checks the document at {@code index}, all but the uniqueness of its id (which the database
   * checks, so that no set of a million ids is held here).
   */
  public void checkDocument(int index, SubmittedDocument document, List<Violation> violations) {
    String path = "documents[" + index + "]";
    if (document.dependsOn() != null) {
      checkDependencies(path + ".dependsOn", document, violations);
    }
    String id = document.id();
    if (id == null || id.isBlank()) {
      violations.add(new Violation(path + ".id", "is required"));
    } else if (id.length() > MAX_DOCUMENT_ID_LENGTH) {
      violations.add(
          new Violation(path + ".id", "must be at most " + MAX_DOCUMENT_ID_LENGTH + " characters"));
    }
    int sources =
        (document.uri() != null ? 1 : 0)
            + (document.content() != null ? 1 : 0)
            + (document.text() != null ? 1 : 0);
    if (sources != 1) {
      violations.add(new Violation(path, "must have exactly one of uri, content or text"));
      return;
    }
    if (document.uri() != null) {
      checkUri(path + ".uri", document.uri(), violations);
    } else if (document.content() != null) {
      checkContent(path, document, violations);
    } else {
      int bytes = document.text().getBytes(StandardCharsets.UTF_8).length;
      if (bytes > limits.maxInlineBytes()) {
        violations.add(new Violation(path + ".text", tooLarge(bytes)));
      }
    }
    if (document.contentType() != null && document.content() == null) {
      violations.add(new Violation(path + ".contentType", "goes only with content"));
    }
  }

  private void checkDependencies(
      String path, SubmittedDocument document, List<Violation> violations) {
    List<String> dependsOn = document.dependsOn();
    if (dependsOn.size() > limits.maxDependencies()) {
      violations.add(
          new Violation(
              path, "a document may depend on at most " + limits.maxDependencies() + " others"));
      return;
    }
    for (int i = 0; i < dependsOn.size(); i++) {
      String ref = dependsOn.get(i);
      if (ref == null || ref.isBlank()) {
        violations.add(new Violation(path + "[" + i + "]", "must be a document id"));
      } else if (ref.equals(document.id())) {
        violations.add(new Violation(path + "[" + i + "]", "a document cannot depend on itself"));
      }
    }
  }

  private static void checkUri(String path, String uri, List<Violation> violations) {
    if (uri.length() > MAX_URI_LENGTH) {
      violations.add(new Violation(path, "must be at most " + MAX_URI_LENGTH + " characters"));
      return;
    }
    try {
      URI parsed = new URI(uri);
      String scheme = parsed.getScheme();
      if (scheme == null || !URI_SCHEMES.contains(scheme.toLowerCase(Locale.ROOT))) {
        violations.add(new Violation(path, "must be an absolute file, http or https URI"));
      }
    } catch (URISyntaxException e) {
      violations.add(new Violation(path, "is not a valid URI: " + e.getReason()));
    }
  }

  private void checkContent(String path, SubmittedDocument document, List<Violation> violations) {
    if (document.contentType() == null || document.contentType().isBlank()) {
      violations.add(new Violation(path + ".contentType", "is required with content"));
    }
    // Base64 grows by 4/3; reject before decoding what cannot fit.
    if ((long) document.content().length() * 3 / 4 > limits.maxInlineBytes() + 2L) {
      violations.add(
          new Violation(path + ".content", tooLarge((long) document.content().length() * 3 / 4)));
      return;
    }
    try {
      int bytes = Base64.getDecoder().decode(document.content()).length;
      if (bytes > limits.maxInlineBytes()) {
        violations.add(new Violation(path + ".content", tooLarge(bytes)));
      }
    } catch (IllegalArgumentException e) {
      violations.add(new Violation(path + ".content", "is not valid base64: " + e.getMessage()));
    }
  }

  private String tooLarge(long bytes) {
    return "inline documents may have at most "
        + limits.maxInlineBytes()
        + " bytes, this one has "
        + bytes
        + "; pass larger ones by uri";
  }
}
