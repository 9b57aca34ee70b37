package io.findoc.batch.analyzer;

import io.findoc.batch.analyzer.fields.DocumentFields;
import io.findoc.batch.analyzer.fields.Money;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which source each field of a result came from ({@code embedded-xml}, {@code xml}, {@code mt940}
 * or {@code text}), and the merge of a hybrid PDF's fields: its embedded XML wins field by field,
 * its visible text fills only what the XML leaves out.
 */
final class FieldSources {

  static final String TEXT = "text";

  private final Map<String, String> sources = new LinkedHashMap<>();

  Map<String, String> asMap() {
    return sources;
  }

  /** Every field present in {@code fields} came from {@code source}. */
  void all(DocumentFields fields, String source) {
    merge(fields, null, source);
  }

  /** {@code primary}'s fields, from {@code source}, and {@code text}'s where it has none. */
  DocumentFields merge(DocumentFields primary, DocumentFields text, String source) {
    DocumentFields t = text != null ? text : EMPTY;
    return new DocumentFields(
        pick("documentDate", primary.documentDate(), t.documentDate(), source),
        pick("dueDate", primary.dueDate(), t.dueDate(), source),
        pick("periodStart", primary.periodStart(), t.periodStart(), source),
        pick("periodEnd", primary.periodEnd(), t.periodEnd(), source),
        pick("issuer", primary.issuer(), t.issuer(), source),
        pick("counterparty", primary.counterparty(), t.counterparty(), source),
        pick("currency", primary.currency(), t.currency(), source),
        money("total", primary.total(), t.total(), source),
        money("subtotal", primary.subtotal(), t.subtotal(), source),
        money("tax", primary.tax(), t.tax(), source),
        money("openingBalance", primary.openingBalance(), t.openingBalance(), source),
        money("closingBalance", primary.closingBalance(), t.closingBalance(), source),
        money("credits", primary.credits(), t.credits(), source),
        money("debits", primary.debits(), t.debits(), source),
        primary.lineItems().isEmpty() ? t.lineItems() : primary.lineItems(),
        primary.lineItems().isEmpty()
            ? t.otherAmountLinesAmongItems()
            : primary.otherAmountLinesAmongItems(),
        primary.transactions().isEmpty() ? t.transactions() : primary.transactions(),
        primary.amounts().isEmpty() ? t.amounts() : primary.amounts());
  }

  /** A field that only one source carries. */
  void put(String name, Object value, String source) {
    if (value != null) {
      sources.put(name, source);
    }
  }

  private <T> T pick(String name, T primary, T text, String source) {
    if (primary != null) {
      sources.put(name, source);
      return primary;
    }
    if (text != null) {
      sources.put(name, TEXT);
    }
    return text;
  }

  private Money money(String name, Money primary, Money text, String source) {
    return pick(name, primary, text, source);
  }

  private static final DocumentFields EMPTY =
      new DocumentFields(
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          java.util.List.of(),
          false,
          java.util.List.of(),
          java.util.List.of());
}
