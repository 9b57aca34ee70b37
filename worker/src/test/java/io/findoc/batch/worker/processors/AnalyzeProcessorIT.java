package io.findoc.batch.worker.processors;

import static org.assertj.core.api.Assertions.assertThat;

import io.findoc.batch.common.id.JobId;
import io.findoc.batch.common.message.Document;
import io.findoc.batch.common.message.Priority;
import io.findoc.batch.common.message.StatusKind;
import io.findoc.batch.common.message.StatusMessage;
import io.findoc.batch.common.message.TaskMessage;
import io.findoc.batch.corpus.PdfPages;
import io.findoc.batch.worker.testing.StatusReports;
import io.findoc.batch.worker.testing.TestWorkers;
import io.findoc.batch.worker.testing.TopicWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code findoc.analyze} in a real worker on the real broker: a good document succeeds with its
 * result; hostile ones (a traversal path, an SSRF address, a broken PDF, a fake PDF) each fail
 * their own task with their own code, and the worker goes on with the next task.
 */
class AnalyzeProcessorIT {

  private static final String PREFIX = "a" + UUID.randomUUID().toString().substring(0, 8) + ".";

  @TempDir static Path dir;
  private static Path root;
  private static ConfigurableApplicationContext worker;
  @AutoClose private static final TopicWriter topics = new TopicWriter();

  @BeforeAll
  static void start() throws Exception {
    root = Files.createDirectories(dir.resolve("documents"));
    Files.writeString(dir.resolve("secret.txt"), "not for tasks");
    Files.write(
        root.resolve("invoice.pdf"),
        PdfPages.write(
            List.of(
                "INVOICE",
                "Invoice date: 2024-03-15",
                "Bill to: Globex Corporation",
                "Subtotal   $100.00",
                "Tax        $8.00",
                "Total due  $108.00")));
    byte[] pdf = PdfPages.write(List.of("hello"));
    Files.write(root.resolve("broken.pdf"), Arrays.copyOf(pdf, pdf.length / 3));
    Files.writeString(root.resolve("fake.pdf"), "plain text pretending");
    TestWorkers.createTopics(PREFIX);
    worker =
        TestWorkers.start(PREFIX, "analyze-worker", "--findoc.worker.analysis.file-roots=" + root);
  }

  @AfterAll
  static void stop() {
    worker.close();
  }

  @Test
  void goodDocumentSucceedsAndEachHostileOneFailsWithItsOwnCode() throws Exception {
    JobId job = JobId.random();
    String base = root.toUri().toString();
    send(job, 1, Document.ofUri("good", base + "invoice.pdf"));
    send(job, 2, Document.ofUri("traversal", base + "../secret.txt"));
    send(job, 3, Document.ofUri("encoded", base + "%2e%2e/secret.txt"));
    send(job, 4, Document.ofUri("ssrf", "http://169.254.169.254/latest/meta-data/"));
    send(job, 5, Document.ofUri("ssrf-decimal", "http://2130706433/"));
    send(job, 6, Document.ofUri("broken", base + "broken.pdf"));
    send(job, 7, new Document("fake", base + "fake.pdf", null, "application/pdf", null));
    send(job, 8, Document.ofText("after", "RECEIPT\nDate: 2024-01-02\nTOTAL 9.99 EUR\n"));

    try (StatusReports reports = new StatusReports(PREFIX)) {
      List<StatusMessage> finals = reports.awaitFinal(job, 8);

      StatusMessage good = ofTask(finals, 1);
      assertThat(good.kind()).isEqualTo(StatusKind.SUCCEEDED);
      assertThat(good.result().toMap())
          .containsEntry("schemaVersion", 2)
          .containsEntry("type", "invoice");
      assertThat(good.result().toMap().get("fields").toString())
          .contains("documentDate=2024-03-15");
      assertFailed(ofTask(finals, 2), "DOC_PATH_NOT_ALLOWED");
      assertFailed(ofTask(finals, 3), "DOC_PATH_NOT_ALLOWED");
      assertFailed(ofTask(finals, 4), "DOC_ADDRESS_NOT_ALLOWED");
      assertFailed(ofTask(finals, 5), "DOC_ADDRESS_NOT_ALLOWED");
      assertFailed(ofTask(finals, 6), "PDF_CORRUPT");
      assertFailed(ofTask(finals, 7), "DOC_TYPE_MISMATCH");
      StatusMessage after = ofTask(finals, 8);
      assertThat(after.kind()).isEqualTo(StatusKind.SUCCEEDED);
      assertThat(after.result().toMap()).containsEntry("type", "receipt");
    }
  }

  private static void assertFailed(StatusMessage report, String code) {
    assertThat(report.kind()).as("task %d", report.taskNumber()).isEqualTo(StatusKind.FAILED);
    assertThat(report.error().code()).as(report.error().message()).isEqualTo(code);
    assertThat(report.error().retryable()).isFalse();
  }

  private static StatusMessage ofTask(List<StatusMessage> reports, int number) {
    return reports.stream().filter(r -> r.taskNumber() == number).findFirst().orElseThrow();
  }

  private static void send(JobId job, int number, Document document) throws Exception {
    TaskMessage task =
        new TaskMessage(
            TaskMessage.VERSION,
            job,
            number,
            1,
            "tenant",
            Priority.NORMAL,
            "findoc.analyze",
            Map.of(),
            document);
    topics.send(PREFIX, task);
  }
}
