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

  private static final String TYPE = "invoice";

  private InvoiceTemplates() {}

  static List<Template> all() {
    return List.of(
        Template.of(
            "invoice-us", TYPE, false, Template.in(Notation.US, Notation.UK), InvoiceTemplates::us),
        Template.of("invoice-de", TYPE, false, Template.in(Notation.DE), InvoiceTemplates::german),
        Template.of("invoice-fr", TYPE, true, Template.in(Notation.FR), InvoiceTemplates::french),
        Template.of("invoice-nl", TYPE, true, Template.in(Notation.NL), InvoiceTemplates::dutch));
  }

  /** Who is billed, on which date, due when. */
  private record Invoice(LocalDate date, LocalDate due, String customer) {

    Truth truth(Notation n, Amounts amounts) {
      return new Truth(KEYS)
          .put("documentDate", date)
          .put("dueDate", due)
          .put("counterparty", customer)
          .put("currency", n.currency)
          .put("subtotal", amounts.subtotal())
          .put("tax", amounts.tax())
          .put("total", amounts.total());
    }
  }

  /** What an invoice's items come to. */
  private record Amounts(BigDecimal subtotal, BigDecimal tax, BigDecimal total) {}

  private static Invoice invoice(Fakes f, int daysToPay) {
    LocalDate date = f.date();
    return new Invoice(date, date.plusDays(daysToPay), f.company());
  }

  /**
   * Writes the item lines (quantity, unit price, amount; in {@code codes} notation without the
   * currency symbol) under their header; returns their subtotal, the tax at {@code rate} and the
   * total.
   */
  private static Amounts items(
      Fakes f, Layout out, int[] widths, String[] header, boolean codes, String rate) {
    out.columns(widths, header);
    List<Fakes.Item> items = f.items(6, 12, 5, 900);
    for (Fakes.Item item : items) {
      Notation n = f.notation;
      String price = codes ? n.number(item.price()) : n.money(item.price());
      String total = codes ? n.number(item.amount()) : n.money(item.amount());
      out.columns(widths, item.name(), String.valueOf(item.quantity()), price, total);
    }
    BigDecimal subtotal = Fakes.sum(items);
    BigDecimal tax = subtotal.multiply(new BigDecimal(rate)).setScale(2, RoundingMode.HALF_UP);
    return new Amounts(subtotal, tax, subtotal.add(tax));
  }

  private static Truth us(Fakes f, Layout out) {
    Notation n = f.notation;
    Invoice invoice = invoice(f, 30);
    out.line(f.company()).line("100 Main Street, Springfield").blank().line("INVOICE");
    out.line("Invoice number: " + f.reference("INV-"));
    out.line("Invoice date: " + n.date(invoice.date())).line("Due date: " + n.date(invoice.due()));
    out.line("Bill to: " + invoice.customer()).blank();
    int[] widths = {28, 6, 14, 16};
    String[] header = {"Description", "Qty", "Unit price", "Amount"};
    Amounts a = items(f, out, widths, header, false, "0.08");
    out.blank().pair("Subtotal", n.money(a.subtotal()), 64);
    out.pair("Sales tax (8%)", n.money(a.tax()), 64).pair("Total due", n.money(a.total()), 64);
    out.blank().line("Payment terms: Net 30. Thank you for your business.");
    return invoice.truth(n, a);
  }

  private static Truth german(Fakes f, Layout out) {
    Notation n = f.notation;
    Invoice invoice = invoice(f, 14);
    out.line(f.company()).line("Hauptstraße 5, 10115 Berlin").line("USt-IdNr.: DE123456789");
    out.blank().line("Rechnung").line("Rechnungsnummer: " + f.reference("RE-"));
    out.line("Rechnungsdatum: " + n.date(invoice.date())).line("Kunde: " + invoice.customer());
    out.line("Zahlbar bis: " + n.date(invoice.due())).blank();
    int[] widths = {28, 8, 14, 14};
    String[] header = {"Artikel", "Menge", "Einzelpreis", "Betrag"};
    Amounts a = items(f, out, widths, header, true, "0.19");
    out.blank().pair("Nettobetrag", n.moneyWithCode(a.subtotal()), 64);
    out.pair("MwSt. 19 %", n.moneyWithCode(a.tax()), 64);
    out.pair("Gesamtbetrag", n.moneyWithCode(a.total()), 64);
    return invoice.truth(n, a);
  }

  private static Truth french(Fakes f, Layout out) {
    Notation n = f.notation;
    Invoice invoice = invoice(f, 45);
    out.line(f.company() + " - 12 rue de la Paix, 75002 Paris");
    out.line("SIRET 123 456 789 00012 - N° TVA FR12345678901").blank();
    out.line("FACTURE N° " + f.reference("F-"));
    out.line("Date de facture : " + n.date(invoice.date()));
    out.line("Date d'échéance : " + n.date(invoice.due()));
    out.line("Client : " + invoice.customer()).blank();
    int[] widths = {28, 6, 14, 16};
    String[] header = {"Désignation", "Qté", "PU HT", "Montant HT"};
    Amounts a = items(f, out, widths, header, false, "0.20");
    out.blank().pair("Total HT", n.money(a.subtotal()), 64).pair("TVA 20 %", n.money(a.tax()), 64);
    out.pair("Total TTC", n.money(a.total()), 64);
    out.blank().line("Conditions de paiement : 45 jours fin de mois.");
    return invoice.truth(n, a);
  }

  private static Truth dutch(Fakes f, Layout out) {
    Notation n = f.notation;
    Invoice invoice = invoice(f, 30);
    out.line("FACTUUR").line(f.company()).line("Keizersgracht 1, 1015 Amsterdam").blank();
    out.line("Factuurnummer: " + f.reference("2024-"));
    out.line("Factuurdatum: " + n.date(invoice.date()));
    out.line("Vervaldatum: " + n.date(invoice.due())).line("Klant: " + invoice.customer()).blank();
    int[] widths = {28, 8, 14, 16};
    String[] header = {"Omschrijving", "Aantal", "Prijs", "Bedrag"};
    Amounts a = items(f, out, widths, header, false, "0.21");
    out.blank().pair("Subtotaal", n.money(a.subtotal()), 64).pair("BTW 21%", n.money(a.tax()), 64);
    out.pair("Totaal te betalen", n.money(a.total()), 64);
    out.blank().line("Gelieve te betalen binnen 30 dagen op " + Fakes.grouped(f.iban()) + ".");
    return invoice.truth(n, a);
  }
}
