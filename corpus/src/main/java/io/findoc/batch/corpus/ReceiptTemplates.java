package io.findoc.batch.corpus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/** Till receipts: English and German for development, French and Dutch held out. */
final class ReceiptTemplates {

  static final String[] KEYS = {"documentDate", "currency", "total"};

  private ReceiptTemplates() {}

  static List<Template> all() {
    return List.of(
        Template.of("receipt-en", false, Template.in(Notation.US, Notation.UK), f -> english(f)),
        Template.of("receipt-de", false, Template.in(Notation.DE), f -> german(f)),
        Template.of("receipt-fr", true, Template.in(Notation.FR), f -> french(f)),
        Template.of("receipt-nl", true, Template.in(Notation.NL), f -> dutch(f)));
  }

  private static BigDecimal lines(Fakes f, Layout out, boolean withQuantity) {
    BigDecimal total = BigDecimal.ZERO;
    int count = f.between(1, 7);
    for (int i = 0; i < count; i++) {
      int quantity = f.between(1, 3);
      BigDecimal price = f.amount(1, 40);
      BigDecimal amount = price.multiply(BigDecimal.valueOf(quantity));
      total = total.add(amount);
      String item = withQuantity ? quantity + " x " + f.item() : f.item();
      if (withQuantity) {
        out.columns(
            new int[] {26, 10, 10}, item, f.notation.number(price), f.notation.number(amount));
      } else {
        for (int q = 0; q < quantity; q++) {
          out.pair(item, f.notation.number(price), 40);
        }
      }
    }
    return total;
  }

  private static GeneratedDocument result(
      String template, Layout out, LocalDate date, Notation n, BigDecimal total) {
    return new GeneratedDocument(
        template,
        "receipt",
        out.lines,
        false,
        new Truth(KEYS)
            .put("documentDate", date)
            .put("currency", n.currency)
            .put("total", total)
            .values());
  }

  private static BigDecimal cash(BigDecimal total) {
    return total.divide(BigDecimal.TEN, 0, RoundingMode.CEILING).multiply(BigDecimal.TEN);
  }

  private static GeneratedDocument english(Fakes f) {
    Notation n = f.notation;
    LocalDate date = f.date();
    Layout out = new Layout();
    out.line("CORNER MARKET").line("12 High Street").line("RECEIPT").blank();
    out.line("Date: " + n.date(date) + "  14:32   Till 3   Cashier: Amy");
    BigDecimal total = lines(f, out, true);
    BigDecimal cash = cash(total);
    out.blank().pair("TOTAL", n.money(total), 46).pair("Cash", n.money(cash), 46);
    out.pair("Change", n.money(cash.subtract(total)), 46);
    out.blank().line("Thank you for shopping with us!");
    return result("receipt-en", out, date, n, total);
  }

  private static GeneratedDocument german(Fakes f) {
    Notation n = f.notation;
    LocalDate date = f.date();
    Layout out = new Layout();
    out.line("Bäckerei Schmidt").line("Marktplatz 3, 80331 München").line("Kassenbon").blank();
    BigDecimal total = lines(f, out, false);
    BigDecimal tax =
        total.multiply(new BigDecimal("7")).divide(new BigDecimal("107"), 2, RoundingMode.HALF_UP);
    BigDecimal cash = cash(total);
    out.blank().pair("Summe EUR", n.number(total), 40).pair("Bar", n.number(cash), 40);
    out.pair("Rückgeld", n.number(cash.subtract(total)), 40);
    out.line("enth. MwSt. 7 %  " + n.number(tax));
    out.line(n.date(date) + " 08:15  Bon 4711").line("Vielen Dank für Ihren Einkauf!");
    return result("receipt-de", out, date, n, total);
  }

  private static GeneratedDocument french(Fakes f) {
    Notation n = f.notation;
    LocalDate date = f.date();
    Layout out = new Layout();
    out.line("SUPERMARCHÉ DU CENTRE").line("TICKET DE CAISSE").blank();
    out.line("Le " + n.date(date) + " à 17h05");
    BigDecimal total = lines(f, out, true);
    out.blank().pair("TOTAL TTC", n.money(total), 46);
    out.pair("Carte bancaire", n.money(total), 46);
    out.line("Merci de votre visite");
    return result("receipt-fr", out, date, n, total);
  }

  private static GeneratedDocument dutch(Fakes f) {
    Notation n = f.notation;
    LocalDate date = f.date();
    Layout out = new Layout();
    out.line("Albert's Buurtwinkel").line("Kassabon").line("Datum: " + n.date(date)).blank();
    BigDecimal total = lines(f, out, false);
    out.blank().pair("Totaal", n.money(total), 40).pair("Pin", n.money(total), 40);
    out.line("Bedankt voor uw aankoop");
    return result("receipt-nl", out, date, n, total);
  }
}
