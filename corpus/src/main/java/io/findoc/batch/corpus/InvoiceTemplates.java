package io.findoc.batch.corpus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/** Invoices: US and German layouts for development, French and Dutch ones held out. */
final class InvoiceTemplates {

  static final String[] KEYS = {
    "documentDate", "dueDate", "counterparty", "currency", "subtotal", "tax", "total"
  };

  private InvoiceTemplates() {}

  static List<Template> all() {
    return List.of(
        Template.of("invoice-us", false, Template.in(Notation.US, Notation.UK), f -> us(f)),
        Template.of("invoice-de", false, Template.in(Notation.DE), f -> german(f)),
        Template.of("invoice-fr", true, Template.in(Notation.FR), f -> french(f)),
        Template.of("invoice-nl", true, Template.in(Notation.NL), f -> dutch(f)));
  }

  /** Items as quantity, unit price; returns the subtotal and writes the item lines. */
  private static BigDecimal items(Fakes f, Layout out, int[] widths, boolean codes) {
    BigDecimal subtotal = BigDecimal.ZERO;
    int count = f.between(1, 6);
    for (int i = 0; i < count; i++) {
      int quantity = f.between(1, 12);
      BigDecimal unit = f.amount(5, 900);
      BigDecimal amount = unit.multiply(BigDecimal.valueOf(quantity));
      subtotal = subtotal.add(amount);
      String price = codes ? f.notation.number(unit) : f.notation.money(unit);
      String total = codes ? f.notation.number(amount) : f.notation.money(amount);
      out.columns(widths, f.item(), String.valueOf(quantity), price, total);
    }
    return subtotal;
  }

  private static BigDecimal tax(BigDecimal subtotal, String rate) {
    return subtotal.multiply(new BigDecimal(rate)).setScale(2, RoundingMode.HALF_UP);
  }

  private static GeneratedDocument us(Fakes f) {
    Notation n = f.notation;
    LocalDate date = f.date();
    LocalDate due = date.plusDays(30);
    String customer = f.company();
    Layout out = new Layout();
    out.line(f.company()).line("100 Main Street, Springfield").blank().line("INVOICE");
    out.line("Invoice number: " + f.reference("INV-"));
    out.line("Invoice date: " + n.date(date)).line("Due date: " + n.date(due));
    out.line("Bill to: " + customer).blank();
    int[] widths = {28, 6, 14, 16};
    out.columns(widths, "Description", "Qty", "Unit price", "Amount");
    BigDecimal subtotal = items(f, out, widths, false);
    BigDecimal tax = tax(subtotal, "0.08");
    BigDecimal total = subtotal.add(tax);
    out.blank().pair("Subtotal", n.money(subtotal), 64);
    out.pair("Sales tax (8%)", n.money(tax), 64).pair("Total due", n.money(total), 64);
    out.blank().line("Payment terms: Net 30. Thank you for your business.");
    return new GeneratedDocument(
        "invoice-us",
        "invoice",
        out.lines,
        false,
        new Truth(KEYS)
            .put("documentDate", date)
            .put("dueDate", due)
            .put("counterparty", customer)
            .put("currency", n.currency)
            .put("subtotal", subtotal)
            .put("tax", tax)
            .put("total", total)
            .values());
  }

  private static GeneratedDocument german(Fakes f) {
    Notation n = f.notation;
    LocalDate date = f.date();
    LocalDate due = date.plusDays(14);
    String customer = f.company();
    Layout out = new Layout();
    out.line(f.company()).line("Hauptstraße 5, 10115 Berlin").line("USt-IdNr.: DE123456789");
    out.blank().line("Rechnung").line("Rechnungsnummer: " + f.reference("RE-"));
    out.line("Rechnungsdatum: " + n.date(date)).line("Kunde: " + customer);
    out.line("Zahlbar bis: " + n.date(due)).blank();
    int[] widths = {28, 8, 14, 14};
    out.columns(widths, "Artikel", "Menge", "Einzelpreis", "Betrag");
    BigDecimal subtotal = items(f, out, widths, true);
    BigDecimal tax = tax(subtotal, "0.19");
    BigDecimal total = subtotal.add(tax);
    out.blank().pair("Nettobetrag", n.moneyWithCode(subtotal), 64);
    out.pair("MwSt. 19 %", n.moneyWithCode(tax), 64);
    out.pair("Gesamtbetrag", n.moneyWithCode(total), 64);
    return new GeneratedDocument(
        "invoice-de",
        "invoice",
        out.lines,
        false,
        new Truth(KEYS)
            .put("documentDate", date)
            .put("dueDate", due)
            .put("counterparty", customer)
            .put("currency", n.currency)
            .put("subtotal", subtotal)
            .put("tax", tax)
            .put("total", total)
            .values());
  }

  private static GeneratedDocument french(Fakes f) {
    Notation n = f.notation;
    LocalDate date = f.date();
    LocalDate due = date.plusDays(45);
    String customer = f.company();
    Layout out = new Layout();
    out.line(f.company() + " - 12 rue de la Paix, 75002 Paris");
    out.line("SIRET 123 456 789 00012 - N° TVA FR12345678901").blank();
    out.line("FACTURE N° " + f.reference("F-"));
    out.line("Date de facture : " + n.date(date));
    out.line("Date d'échéance : " + n.date(due));
    out.line("Client : " + customer).blank();
    int[] widths = {28, 6, 14, 16};
    out.columns(widths, "Désignation", "Qté", "PU HT", "Montant HT");
    BigDecimal subtotal = items(f, out, widths, false);
    BigDecimal tax = tax(subtotal, "0.20");
    BigDecimal total = subtotal.add(tax);
    out.blank().pair("Total HT", n.money(subtotal), 64).pair("TVA 20 %", n.money(tax), 64);
    out.pair("Total TTC", n.money(total), 64);
    out.blank().line("Conditions de paiement : 45 jours fin de mois.");
    return new GeneratedDocument(
        "invoice-fr",
        "invoice",
        out.lines,
        false,
        new Truth(KEYS)
            .put("documentDate", date)
            .put("dueDate", due)
            .put("counterparty", customer)
            .put("currency", n.currency)
            .put("subtotal", subtotal)
            .put("tax", tax)
            .put("total", total)
            .values());
  }

  private static GeneratedDocument dutch(Fakes f) {
    Notation n = f.notation;
    LocalDate date = f.date();
    LocalDate due = date.plusDays(30);
    String customer = f.company();
    Layout out = new Layout();
    out.line("FACTUUR").line(f.company()).line("Keizersgracht 1, 1015 Amsterdam").blank();
    out.line("Factuurnummer: " + f.reference("2024-")).line("Factuurdatum: " + n.date(date));
    out.line("Vervaldatum: " + n.date(due)).line("Klant: " + customer).blank();
    int[] widths = {28, 8, 14, 16};
    out.columns(widths, "Omschrijving", "Aantal", "Prijs", "Bedrag");
    BigDecimal subtotal = items(f, out, widths, false);
    BigDecimal tax = tax(subtotal, "0.21");
    BigDecimal total = subtotal.add(tax);
    out.blank().pair("Subtotaal", n.money(subtotal), 64).pair("BTW 21%", n.money(tax), 64);
    out.pair("Totaal te betalen", n.money(total), 64);
    out.blank().line("Gelieve te betalen binnen 30 dagen op " + Fakes.grouped(f.iban()) + ".");
    return new GeneratedDocument(
        "invoice-nl",
        "invoice",
        out.lines,
        false,
        new Truth(KEYS)
            .put("documentDate", date)
            .put("dueDate", due)
            .put("counterparty", customer)
            .put("currency", n.currency)
            .put("subtotal", subtotal)
            .put("tax", tax)
            .put("total", total)
            .values());
  }
}
