package io.findoc.batch.analyzer.extract;

import static io.findoc.batch.analyzer.extract.TextExtractorTest.assertCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.findoc.batch.corpus.PdfPages;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class HostileTextTest {

  private final TextExtractor extractor =
      new TextExtractor(new ExtractionLimits(20, 16L * 1024 * 1024, 3_000_000));

  @Test
  void anUnclosedCommentOrScriptHidesTheRestAndAStrayBracketShowsIt() {
    assertThat(HtmlText.toText("<p>Total 12.50</p><!-- never closed <p>1.00</p>"))
        .isEqualTo("Total 12.50\n");
    assertThat(HtmlText.toText("<p>Total 12.50</p><SCRIPT>var x = '<p>1.00</p>';"))
        .isEqualTo("Total 12.50\n");
    assertThat(HtmlText.toText("<p>Total 12.50</p><Style>p{}</STYLE ><p>Due 3.00</p>"))
        .isEqualTo("Total 12.50\nDue 3.00\n");
    assertThat(HtmlText.toText("<p>a < b")).isEqualTo("a < b\n");
  }

  /**
   * Inputs on which a backtracking {@code <!--.*?-->}, {@code <script>.*?</script>} or {@code
   * <[^>]*>} scan restarts from every opening: quadratic, hours at this size. The timeout only
   * keeps a regression from hanging the build.
   */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void htmlThatIsQuadraticForABacktrackingScanIsReadInOnePass() {
    int n = 300_000;
    String comments = "<html><body>" + "<!--x".repeat(n);
    String scripts = "<html><body>" + "<script>x".repeat(n);
    String brackets = "<html><body>" + "<a".repeat(n);

    assertThat(extractor.extract(bytes(comments), "text/html").text()).isEmpty();
    assertThat(extractor.extract(bytes(scripts), "text/html").text()).isEmpty();
    assertThat(extractor.extract(bytes(brackets), "text/html").text()).startsWith("<a<a");
  }

  @Test
  void textCsvAndHtmlOverTheCharacterCapFail() {
    TextExtractor small = new TextExtractor(new ExtractionLimits(20, 1024 * 1024, 1000));
    String text = "Invoice\nTotal: 1,234.56\n" + "line of text\n".repeat(100);
    String html = "<!DOCTYPE html><html><body>" + "<p>x</p>".repeat(200) + "</body></html>";
    // 732 characters of CSV that become more than 1000 once cells are separated by " | ".
    String csv = ("a" + ";b".repeat(60) + "\n").repeat(6);

    assertThatThrownBy(() -> small.extract(bytes(text), null))
        .satisfies(e -> assertCode(e, "DOC_TEXT_TOO_LARGE"));
    assertThatThrownBy(() -> small.extract(bytes(html), null))
        .satisfies(e -> assertCode(e, "DOC_TEXT_TOO_LARGE"));
    assertThatThrownBy(() -> small.extract(bytes(csv), "text/csv"))
        .satisfies(e -> assertCode(e, "DOC_TEXT_TOO_LARGE"));
    assertThat(small.extract(bytes("Invoice\nTotal: 1,234.56\n"), null).text())
        .contains("1,234.56");
  }

  @Test
  void pdfParsingStopsAtItsNextSafePointOnceTheAttemptIsStopped() throws Exception {
    byte[] pdf = PdfPages.write(List.of("INVOICE", "Total: 12,50"));
    byte[] bomb = TextExtractorTest.bomb(8L * 1024 * 1024);
    try {
      Thread.currentThread().interrupt(); // what the runner does on timeout or cancellation
      assertThatThrownBy(() -> extractor.extract(pdf, null))
          .isInstanceOf(CancellationException.class);
      assertThatThrownBy(() -> extractor.extract(bomb, null))
          .isInstanceOf(CancellationException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(extractor.extract(pdf, null).text()).contains("INVOICE");
    assertThat(extractor.pdfMemory().reserved()).isZero();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
