package io.findoc.batch.analyzer.extract;

import io.findoc.batch.analyzer.AnalysisError;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Tells the format from the bytes: the PDF header (anywhere in the first kilobyte, as readers
 * accept), known binary formats (refused), HTML markup at the start, CSV by a delimiter that splits
 * the first lines into the same number of cells, XML by its declaration or a first element, MT940
 * by its SWIFT blocks or leading {@code :20:} field, and otherwise plain text if the bytes look
 * like text.
 */
public final class ContentSniffer {

  private static final byte[] PDF_HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);

  private ContentSniffer() {}

  /** The type of {@code bytes}; throws {@code DOC_TYPE_UNSUPPORTED} for binary content. */
  public static ContentType sniff(byte[] bytes) {
    if (indexOf(bytes, PDF_HEADER, 1024) >= 0) {
      return ContentType.PDF;
    }
    String binary = knownBinary(bytes);
    if (binary != null) {
      throw AnalysisError.DOC_TYPE_UNSUPPORTED.exception("the document is " + binary);
    }
    if (looksBinary(bytes)) {
      throw AnalysisError.DOC_TYPE_UNSUPPORTED.exception("the document is binary, not text");
    }
    String head = TextDecoder.decode(Arrays.copyOf(bytes, Math.min(bytes.length, 4096)));
    if (looksLikeHtml(head)) {
      return ContentType.HTML;
    }
    if (looksLikeXml(head)) {
      return ContentType.XML;
    }
    if (looksLikeMt940(head)) {
      return ContentType.MT940;
    }
    return CsvText.delimiterOf(head) != 0 ? ContentType.CSV : ContentType.TEXT;
  }

  private static boolean looksLikeHtml(String head) {
    String start = head.stripLeading().toLowerCase(Locale.ROOT);
    return start.startsWith("<!doctype html")
        || start.startsWith("<html")
        || start.startsWith("<head")
        || start.startsWith("<body")
        || (start.startsWith("<") && (start.contains("<html") || start.contains("<body")));
  }

  /**
   * An XML declaration, or a first element that is the root of a format read field by field ({@code
   * CrossIndustryInvoice}, {@code Invoice}, {@code CreditNote}, {@code Document}, with or without a
   * namespace prefix): an HTML or text fragment that starts with a tag stays text.
   */
  private static boolean looksLikeXml(String head) {
    String start = head.stripLeading();
    if (!start.isEmpty() && start.charAt(0) == '\ufeff') {
      start = start.substring(1).stripLeading();
    }
    if (start.startsWith("<?xml")) {
      return true;
    }
    if (start.length() < 2 || start.charAt(0) != '<' || !Character.isLetter(start.charAt(1))) {
      return false;
    }
    int end = 1;
    while (end < start.length()
        && (Character.isLetterOrDigit(start.charAt(end))
            || ":-_.".indexOf(start.charAt(end)) >= 0)) {
      end++;
    }
    String name = start.substring(1, end);
    String local = name.substring(name.indexOf(':') + 1);
    return XML_ROOTS.contains(local);
  }

  private static final java.util.Set<String> XML_ROOTS =
      java.util.Set.of("CrossIndustryInvoice", "Invoice", "CreditNote", "Document");

  /** SWIFT blocks, or a :20: field first, as MT940 exports start. */
  private static boolean looksLikeMt940(String head) {
    String start = head.stripLeading();
    return start.startsWith("{1:") || start.startsWith(":20:");
  }

  private static String knownBinary(byte[] b) {
    if (TextDecoder.startsWith(b, 0x89, 'P', 'N', 'G')) {
      return "a PNG image";
    }
    if (TextDecoder.startsWith(b, 0xff, 0xd8, 0xff)) {
      return "a JPEG image";
    }
    if (TextDecoder.startsWith(b, 'G', 'I', 'F', '8')) {
      return "a GIF image";
    }
    if (TextDecoder.startsWith(b, 'P', 'K', 3, 4)) {
      return "a ZIP archive (or an Office document)";
    }
    if (TextDecoder.startsWith(b, 0x1f, 0x8b)) {
      return "gzip-compressed";
    }
    return null;
  }

  /** NUL bytes, or many control characters, in the first 4 KiB (UTF-16 has a BOM to say so). */
  private static boolean looksBinary(byte[] b) {
    if (TextDecoder.startsWith(b, 0xfe, 0xff) || TextDecoder.startsWith(b, 0xff, 0xfe)) {
      return false;
    }
    int n = Math.min(b.length, 4096);
    int control = 0;
    for (int i = 0; i < n; i++) {
      int c = b[i] & 0xff;
      if (c == 0) {
        return true;
      }
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
        control++;
      }
    }
    return control > n / 20;
  }

  static int indexOf(byte[] bytes, byte[] needle, int within) {
    int end = Math.min(bytes.length, within) - needle.length;
    outer:
    for (int i = 0; i <= end; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (bytes[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
