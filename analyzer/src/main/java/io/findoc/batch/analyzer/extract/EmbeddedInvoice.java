package io.findoc.batch.analyzer.extract;

import io.findoc.batch.analyzer.AnalysisError;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.PDNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;

/**
 * Finds the e-invoice XML a hybrid PDF carries as an attachment, by the file names the standards
 * fix: {@code factur-x.xml} (Factur-X, ZUGFeRD 2.1+), {@code zugferd-invoice.xml} (ZUGFeRD 2.0),
 * {@code ZUGFeRD-invoice.xml} (1.0) and {@code xrechnung.xml}. At most {@code maxBytes} are read.
 */
final class EmbeddedInvoice {

  private static final Set<String> NAMES =
      Set.of("factur-x.xml", "zugferd-invoice.xml", "xrechnung.xml", "order-x.xml");
  private static final int MAX_TREE_NODES = 1_000;

  private EmbeddedInvoice() {}

  /** The XML, or null if the PDF carries none. */
  static String find(PDDocument document, int maxBytes) throws IOException {
    PDEmbeddedFilesNameTreeNode root =
        new PDDocumentNameDictionary(document.getDocumentCatalog()).getEmbeddedFiles();
    if (root == null) {
      return null;
    }
    Deque<PDNameTreeNode<PDComplexFileSpecification>> pending = new ArrayDeque<>();
    pending.add(root);
    int visited = 0;
    while (!pending.isEmpty() && visited++ < MAX_TREE_NODES) {
      PDNameTreeNode<PDComplexFileSpecification> node = pending.poll();
      Map<String, PDComplexFileSpecification> names = node.getNames();
      if (names != null) {
        for (Map.Entry<String, PDComplexFileSpecification> entry : names.entrySet()) {
          PDComplexFileSpecification spec = entry.getValue();
          if (isInvoiceName(entry.getKey())
              || isInvoiceName(spec.getFileUnicode())
              || isInvoiceName(spec.getFilename())) {
            PDEmbeddedFile file =
                spec.getEmbeddedFileUnicode() != null
                    ? spec.getEmbeddedFileUnicode()
                    : spec.getEmbeddedFile();
            if (file != null) {
              return read(file, maxBytes);
            }
          }
        }
      }
      List<PDNameTreeNode<PDComplexFileSpecification>> kids = node.getKids();
      if (kids != null) {
        pending.addAll(kids);
      }
    }
    return null;
  }

  private static boolean isInvoiceName(String name) {
    return name != null && NAMES.contains(name.toLowerCase(Locale.ROOT));
  }

  private static String read(PDEmbeddedFile file, int maxBytes) throws IOException {
    try (InputStream in = file.createInputStream()) {
      byte[] bytes = in.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw AnalysisError.PDF_TOO_LARGE.exception(
            "the PDF's embedded invoice XML is larger than " + maxBytes + " bytes");
      }
      return TextDecoder.decode(bytes).replace("\r\n", "\n");
    }
  }
}
