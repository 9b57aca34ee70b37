package io.findoc.batch.corpus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/** Till receipts: English and German for development, French and Dutch held out. */
final class ReceiptTemplates {

  static final String[] KEYS = {"documentDate", "currency", "total"};

  private static final String TYPE = "receipt";

  private ReceiptTemplates() {}

  static List<Template> all() {
    return List.of(
        Template.of(
            "receipt-en",
            TYPE,
            false,
            Template.in(Notation.US, Notation.UK),
            ReceiptTemplates::english),
        Template.of("receipt-de", TYPE, false, Template.in(Notation.DE), ReceiptTemplates::german),
        Template.of("receipt-fr", TYPE, true, Template.in(Notation.FR), ReceiptTemplates::french),
        Template.of("receipt-nl", TYPE, true, Template.in(Notation.NL), ReceiptTemplates::dutch));
  }

  private static Truth truth(LocalDate date, Notation n, BigDecimal total) {
    return new Truth(KEYS)
        .put("documentDate", date)
        .put("currency", n.currency)
        .put("total", total);
  }

  private static BigDecimal lines(Fakes f, Layout out, boolean withQuantity) {
    List<Fakes.Item> items = f.items(7, 3, 1, 40);
    for (Fakes.Item item : items) {
      String price = f.notation.number(item.price());
      if (withQuantity) {
        String line = item.quantity() + " x " + item.name();
        out.columns(new int[] {26, 10, 10}, line, price, f.notation.number(item.amount()));
      } else {
        for (int q = 0; q < item.quantity(); q++) {
          out.pair(item.name(), price, 40);
        }
      }
    }
    return Fakes.sum(items);
  }

  private static BigDecimal cash(BigDecimal total) {
    return total.divide(BigDecimal.TEN, 0, RoundingMode.CEILING).multiply(BigDecimal.TEN);
  }

  private static Truth english(Fakes f, Layout out) {
    Notation n = f.notation;
    LocalDate date = f.date();
    out.line("CORNER MARKET").line("12 High Street").line("RECEIPT").blank();
    out.line("Date: " + n.date(date) + "  14:32   Till 3   Cashier: Amy");
    BigDecimal total = lines(f, out, true);
    BigDecimal cash = cash(total);
    out.blank().pair("TOTAL", n.money(total), 46).pair("Cash", n.money(cash), 46);
    out.pair("Change", n.money(cash.subtract(total)), 46);
    out.blank().line("Thank you for shopping with us!");
    return truth(date, n, total);
  }

  private static Truth german(Fakes f, Layout out) {
    Notation n = f.notation;
    LocalDate date = f.date();
    out.line("Bäckerei Schmidt").line("Marktplatz 3, 80331 München").line("Kassenbon").blank();
    BigDecimal total = lines(f, out, false);
    BigDecimal tax =
        total.multiply(new BigDecimal("7")).divide(new BigDecimal("107"), 2, RoundingMode.HALF_UP);
    BigDecimal cash = cash(total);
    out.blank().pair("Summe EUR", n.number(total), 40).pair("Bar", n.number(cash), 40);
    out.pair("Rückgeld", n.number(cash.subtract(total)), 40);
    out.line("enth. MwSt. 7 %  " + n.number(tax));
    out.line(n.date(date) + " 08:15  Bon 4711").line("Vielen Dank für Ihren Einkauf!");
    return truth(date, n, total);
  }

  private static Truth french(Fakes f, Layout out) {
    Notation n = f.notation;
    LocalDate date = f.date();
    out.line("SUPERMARCHÉ DU CENTRE").line("TICKET DE CAISSE").blank();
    out.line("Le " + n.date(date) + " à 17h05");
    BigDecimal total = lines(f, out, true);
    out.blank().pair("TOTAL TTC", n.money(total), 46);
    out.pair("Carte bancaire", n.money(total), 46);
    out.line("Merci de votre visite");
    return truth(date, n, total);
  }

  private static Truth dutch(Fakes f, Layout out) {
    Notation n = f.notation;
    LocalDate date = f.date();
    out.line("Albert's Buurtwinkel").line("Kassabon").line("Datum: " + n.date(date)).blank();
    BigDecimal total = lines(f, out, false);
    out.blank().pair("Totaal", n.money(total), 40).pair("Pin", n.money(total), 40);
    out.line("Bedankt voor uw aankoop");
    return truth(date, n, total);
  }
}
