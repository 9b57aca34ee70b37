package io.findoc.batch.analyzer.structured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.findoc.batch.analyzer.AnalysisException;
import io.findoc.batch.analyzer.AnalysisOptions;
import io.findoc.batch.analyzer.TextAnalyser;
import io.findoc.batch.analyzer.extract.ExtractionLimits;
import io.findoc.batch.analyzer.extract.TextExtractor;
import io.findoc.batch.analyzer.result.ResultDocument;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Entity expansion and external entities in XML documents: refused, never resolved. */
class HostileXmlTest {

  private final TextExtractor extractor =
      new TextExtractor(new ExtractionLimits(50, 16L * 1024 * 1024, 1_000_000));
  private final TextAnalyser analyser = new TextAnalyser();

  @Test
  void entityExpansionBombIsRefusedBeforeAnyExpansion() {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE Invoice [\n");
    xml.append(" <!ENTITY lol0 \"lollollollollollollollollollol\">\n");
    for (int i = 1; i <= 9; i++) {
      xml.append(" <!ENTITY lol").append(i).append(" \"");
      xml.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
    }
    xml.append("]>\n<Invoice><ID>&lol9;</ID></Invoice>");

    assertRefused(xml.toString(), "DOCTYPE");
  }

  @Test
  void externalEntityIsNotRead(@TempDir Path dir) throws IOException {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-CONTENT");
    String xml =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE Invoice [<!ENTITY xxe SYSTEM \""
            + secret.toUri()
            + "\">]>\n<Invoice><ID>&xxe;</ID></Invoice>";

    AnalysisException e = assertRefused(xml, "DOCTYPE");
    assertThat(e.getMessage()).doesNotContain("TOP-SECRET-CONTENT");
  }

  @Test
  void externalDtdIsNeverFetched() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String xml =
          "<?xml version=\"1.0\"?>\n<!DOCTYPE Invoice SYSTEM \"http://127.0.0.1:"
              + server.getLocalPort()
              + "/evil.dtd\">\n<Invoice><ID>1</ID></Invoice>";

      assertRefused(xml, "DOCTYPE");
      server.setSoTimeout(200);
      assertThatThrownBy(server::accept).isInstanceOf(SocketTimeoutException.class);
    }
  }

  @Test
  void hostileXmlInsideAZugferdPdfLeavesTheVisibleText() throws IOException {
    String xxe =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE CrossIndustryInvoice [<!ENTITY xxe SYSTEM"
            + " \"file:///etc/hostname\">]>\n<rsm:CrossIndustryInvoice xmlns:rsm=\"urn:x\">&xxe;</rsm:CrossIndustryInvoice>";
    byte[] pdf =
        EInvoices.zugferdPdfWithXml(
            List.of("INVOICE", "Invoice date: 2026-11-20", "Total: 119.00 EUR"),
            xxe.getBytes(StandardCharsets.UTF_8));

    Map<String, Object> result =
        ResultDocument.toMap(
            analyser.analyse(extractor.extract(pdf, null), new AnalysisOptions(true)), Map.of());

    assertThat(StructuredDocumentsTest.findingCodes(result)).contains("EMBEDDED_XML_UNREADABLE");
    assertThat(StructuredDocumentsTest.document(result)).doesNotContainKey("format");
    assertThat(StructuredDocumentsTest.sources(result)).containsEntry("total", "text");
  }

  private AnalysisException assertRefused(String xml, String reason) {
    AnalysisException[] thrown = new AnalysisException[1];
    assertThatThrownBy(
            () ->
                analyser.analyse(
                    extractor.extract(xml.getBytes(StandardCharsets.UTF_8), null),
                    new AnalysisOptions(true)))
        .isInstanceOfSatisfying(
            AnalysisException.class,
            e -> {
              assertThat(e.code()).isEqualTo("STRUCTURED_INVALID");
              assertThat(e.getMessage()).contains(reason);
              thrown[0] = e;
            });
    return thrown[0];
  }
}
