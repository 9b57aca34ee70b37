package io.findoc.batch.analyzer.result;

import io.findoc.batch.analyzer.checks.Finding;
import io.findoc.batch.analyzer.fields.DocumentDetails;
import io.findoc.batch.analyzer.fields.DocumentFields;
import io.findoc.batch.analyzer.fields.Money;
import io.findoc.batch.analyzer.fields.ReportFigures;
import io.findoc.batch.analyzer.fields.TradeFigures;
import io.findoc.batch.analyzer.identifiers.Identifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@link Analysis} as the result map of schema version {@value #SCHEMA_VERSION}: the
 * layout documented in {@code docs/result-schema.md}. Fields not found are left out, never null.
 */
public final class ResultDocument {

  /** Raised on any change a reader must know of; readers ignore fields they do not know. */
  public static final int SCHEMA_VERSION = 2;

  private static final int MAX_NAME_CHARS = 200;

  private ResultDocument() {}

  /**
   * @param source what the task said about the document: id, origin, bytes read
   */
  public static Map<String, Object> toMap(Analysis analysis, Map<String, Object> source) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("schemaVersion", SCHEMA_VERSION);
    Map<String, Object> document = new LinkedHashMap<>(source);
    document.put("contentType", analysis.text().contentType().wireName());
    document.put("pages", analysis.text().pages());
    if (analysis.format() != null) {
      document.put("format", analysis.format());
    }
    result.put("document", document);
    result.put("type", analysis.classification().type().wireName());
    result.put("confidence", analysis.classification().confidence());
    result.put("signals", new ArrayList<>(analysis.classification().signals()));
    result.put("fields", fields(analysis.fields(), analysis.details()));
    result.put("fieldSources", new LinkedHashMap<>(analysis.sources()));
    result.put("items", items(analysis.details().items()));
    result.put("entries", entries(analysis.details().entries()));
    result.put("identifiers", identifiers(analysis.identifiers()));
    result.put("amounts", amounts(analysis.fields()));
    result.put("checks", new ArrayList<>(analysis.checks().checked()));
    result.put("findings", findings(analysis.checks().findings()));
    result.put("text", textStats(analysis.text().text()));
    result.put("truncated", false);
    return result;
  }

  private static Map<String, Object> fields(DocumentFields f, DocumentDetails d) {
    Map<String, Object> fields = new LinkedHashMap<>();
    putIfPresent(fields, "invoiceNumber", shorten(d.invoiceNumber()));
    putIfPresent(fields, "documentDate", f.documentDate());
    putIfPresent(fields, "dueDate", f.dueDate());
    putIfPresent(fields, "periodStart", f.periodStart());
    putIfPresent(fields, "periodEnd", f.periodEnd());
    putIfPresent(fields, "issuer", shorten(f.issuer()));
    putIfPresent(fields, "counterparty", shorten(f.counterparty()));
    putIfPresent(fields, "issuerVatId", shorten(d.issuerVatId()));
    putIfPresent(fields, "counterpartyVatId", shorten(d.counterpartyVatId()));
    putIfPresent(fields, "payeeIban", d.payeeIban());
    putIfPresent(fields, "payeeBic", d.payeeBic());
    putIfPresent(fields, "paymentTerms", shorten(d.paymentTerms()));
    putIfPresent(fields, "account", d.account());
    putIfPresent(fields, "currency", f.currency());
    putIfPresent(fields, "total", money(f.total()));
    putIfPresent(fields, "subtotal", money(f.subtotal()));
    putIfPresent(fields, "tax", money(f.tax()));
    if (!d.taxes().isEmpty()) {
      fields.put("taxes", taxes(d.taxes(), f.currency()));
    }
    putIfPresent(fields, "amountDue", money(d.amountDue()));
    ReportFigures report = d.report();
    if (report != null) {
      putIfPresent(fields, "fiscalYear", report.fiscalYear());
      putIfPresent(fields, "revenue", money(report.revenue()));
      putIfPresent(fields, "netIncome", money(report.netIncome()));
      putIfPresent(fields, "totalAssets", money(report.totalAssets()));
      putIfPresent(fields, "taxYear", report.taxYear());
      putIfPresent(fields, "wages", money(report.wages()));
      putIfPresent(fields, "taxWithheld", money(report.taxWithheld()));
    }
    TradeFigures trade = d.trade();
    if (trade != null) {
      Map<String, Object> t = new LinkedHashMap<>();
      putIfPresent(t, "side", trade.side());
      putIfPresent(t, "security", shorten(trade.security()));
      putIfPresent(t, "quantity", trade.quantity());
      putIfPresent(t, "price", money(trade.price()));
      putIfPresent(t, "gross", money(trade.gross()));
      putIfPresent(t, "fees", money(trade.fees()));
      putIfPresent(t, "net", money(trade.net()));
      fields.put("trade", t);
    }
    putIfPresent(fields, "openingBalance", money(f.openingBalance()));
    putIfPresent(fields, "closingBalance", money(f.closingBalance()));
    putIfPresent(fields, "credits", money(f.credits()));
    putIfPresent(fields, "debits", money(f.debits()));
    fields.put("lineItems", f.lineItems().size());
    fields.put("transactions", f.transactions().size());
    return fields;
  }

  private static List<Object> taxes(List<DocumentDetails.TaxAmount> taxes, String currency) {
    List<Object> list = new ArrayList<>();
    for (DocumentDetails.TaxAmount tax : taxes) {
      Map<String, Object> entry = new LinkedHashMap<>();
      putIfPresent(entry, "rate", tax.rate());
      putIfPresent(entry, "base", tax.base());
      entry.put("amount", tax.amount());
      putIfPresent(entry, "currency", currency);
      list.add(entry);
    }
    return list;
  }

  private static List<Object> items(List<DocumentDetails.InvoiceLine> items) {
    List<Object> list = new ArrayList<>();
    for (DocumentDetails.InvoiceLine item : items) {
      Map<String, Object> entry = new LinkedHashMap<>();
      putIfPresent(entry, "description", shorten(item.description()));
      putIfPresent(entry, "quantity", item.quantity());
      putIfPresent(entry, "unitPrice", item.unitPrice());
      putIfPresent(entry, "amount", item.amount());
      putIfPresent(entry, "taxRate", item.taxRate());
      list.add(entry);
    }
    return list;
  }

  private static List<Object> entries(List<DocumentDetails.StatementEntry> entries) {
    List<Object> list = new ArrayList<>();
    for (DocumentDetails.StatementEntry e : entries) {
      Map<String, Object> entry = new LinkedHashMap<>();
      putIfPresent(entry, "date", e.date());
      entry.put("amount", e.amount());
      entry.put("sign", e.sign());
      putIfPresent(entry, "reference", shorten(e.reference()));
      putIfPresent(entry, "counterparty", shorten(e.counterparty()));
      list.add(entry);
    }
    return list;
  }

  private static List<Object> identifiers(List<Identifier> identifiers) {
    List<Object> list = new ArrayList<>();
    for (Identifier id : identifiers) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("type", id.kind());
      entry.put("value", id.value());
      entry.put("valid", id.valid());
      entry.put("masked", id.masked());
      entry.put("line", id.line());
      list.add(entry);
    }
    return list;
  }

  private static List<Object> amounts(DocumentFields f) {
    List<Object> list = new ArrayList<>();
    for (DocumentFields.LineAmount amount : f.amounts()) {
      Map<String, Object> entry = money(amount.money());
      entry.put("line", amount.line());
      list.add(entry);
    }
    return list;
  }

  private static List<Object> findings(List<Finding> findings) {
    List<Object> list = new ArrayList<>();
    for (Finding finding : findings) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("code", finding.code());
      entry.put("severity", finding.severity());
      entry.put("message", finding.message());
      entry.put("figures", finding.figures());
      list.add(entry);
    }
    return list;
  }

  private static Map<String, Object> textStats(String text) {
    Map<String, Object> stats = new LinkedHashMap<>();
    stats.put("characters", text.length());
    stats.put("lines", text.lines().filter(l -> !l.isBlank()).count());
    stats.put("words", words(text));
    return stats;
  }

  /** The runs of non-space characters ({@code \\S+}). */
  private static int words(String text) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean space = isSpace(text.charAt(i));
      words += !space && !inWord ? 1 : 0;
      inWord = !space;
    }
    return words;
  }

  /** {@code \\s}: a space, tab, line break, vertical tab or form feed. */
  private static boolean isSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }

  private static Map<String, Object> money(Money money) {
    if (money == null) {
      return null;
    }
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("amount", money.value());
    if (money.currency() != null) {
      entry.put("currency", money.currency());
    }
    return entry;
  }

  private static String shorten(String name) {
    return name == null || name.length() <= MAX_NAME_CHARS
        ? name
        : name.substring(0, MAX_NAME_CHARS);
  }

  private static void putIfPresent(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value instanceof java.time.LocalDate d ? d.toString() : value);
    }
  }
}
