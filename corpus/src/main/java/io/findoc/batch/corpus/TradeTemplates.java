package io.findoc.batch.corpus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/** Trade confirmations: US and German for development, French and UK contract notes held out. */
final class TradeTemplates {

  static final String[] KEYS = {"documentDate", "currency", "total", "isin"};

  private TradeTemplates() {}

  static List<Template> all() {
    return List.of(
        Template.of("trade-us", false, Template.in(Notation.US), f -> us(f)),
        Template.of("trade-de", false, Template.in(Notation.DE), f -> german(f)),
        Template.of("trade-fr", true, Template.in(Notation.FR), f -> french(f)),
        Template.of("trade-uk", true, Template.in(Notation.UK), f -> uk(f)));
  }

  /** Quantity, price, principal, commission, net: a purchase. */
  private record Trade(int quantity, BigDecimal price, BigDecimal principal, BigDecimal fee) {
    BigDecimal net() {
      return principal.add(fee);
    }
  }

  private static Trade trade(Fakes f) {
    int quantity = f.between(1, 500);
    BigDecimal price = f.amount(5, 900);
    BigDecimal principal = price.multiply(BigDecimal.valueOf(quantity));
    BigDecimal fee =
        principal
            .multiply(new BigDecimal("0.0025"))
            .setScale(2, RoundingMode.HALF_UP)
            .max(new BigDecimal("4.95"));
    return new Trade(quantity, price, principal, fee);
  }

  private static GeneratedDocument result(
      String template, Layout out, LocalDate date, Notation n, Trade t, String isin) {
    return new GeneratedDocument(
        template,
        "trade_confirmation",
        out.lines,
        false,
        new Truth(KEYS)
            .put("documentDate", date)
            .put("currency", n.currency)
            .put("total", t.net())
            .put("isin", isin)
            .values());
  }

  private static GeneratedDocument us(Fakes f) {
    Notation n = f.notation;
    LocalDate date = f.date();
    String[] security = f.security();
    Trade t = trade(f);
    Layout out = new Layout();
    out.line("Summit Brokerage LLC").line("TRADE CONFIRMATION").blank();
    out.line("Account: " + f.person());
    out.line("Trade date: " + n.date(date) + "    Settlement date: " + n.date(date.plusDays(2)));
    out.line("We have BOUGHT for your account:");
    out.line("Security: " + security[0] + "   ISIN: " + security[1]);
    out.pair("Quantity", String.valueOf(t.quantity()), 50);
    out.pair("Price", n.money(t.price()), 50).pair("Principal", n.money(t.principal()), 50);
    out.pair("Commission", n.money(t.fee()), 50).pair("Net amount", n.money(t.net()), 50);
    return result("trade-us", out, date, n, t, security[1]);
  }

  private static GeneratedDocument german(Fakes f) {
    Notation n = f.notation;
    LocalDate date = f.date();
    String[] security = f.security();
    Trade t = trade(f);
    Layout out = new Layout();
    out.line("Sparkasse Musterstadt").line("Wertpapierabrechnung Kauf").blank();
    out.line("Depotinhaber: " + f.person());
    out.line("Schlusstag: " + n.date(date)).line("Valuta: " + n.date(date.plusDays(2)));
    out.line("Wertpapier: " + security[0]).line("ISIN: " + security[1]);
    out.pair("Stück", String.valueOf(t.quantity()), 50);
    out.pair("Kurs", n.moneyWithCode(t.price()), 50);
    out.pair("Kurswert", n.moneyWithCode(t.principal()), 50);
    out.pair("Provision", n.moneyWithCode(t.fee()), 50);
    out.pair("Ausmachender Betrag", n.moneyWithCode(t.net()), 50);
    return result("trade-de", out, date, n, t, security[1]);
  }

  private static GeneratedDocument french(Fakes f) {
    Notation n = f.notation;
    LocalDate date = f.date();
    String[] security = f.security();
    Trade t = trade(f);
    Layout out = new Layout();
    out.line("Crédit Lyonnais Bourse").line("AVIS D'OPÉRÉ - ACHAT AU COMPTANT").blank();
    out.line("Date de négociation : " + n.date(date));
    out.line("Date de règlement : " + n.date(date.plusDays(2)));
    out.line("Valeur : " + security[0] + " (code ISIN " + security[1] + ")");
    out.pair("Quantité", String.valueOf(t.quantity()), 56);
    out.pair("Cours", n.money(t.price()), 56).pair("Montant brut", n.money(t.principal()), 56);
    out.pair("Courtage", n.money(t.fee()), 56).pair("Montant net", n.money(t.net()), 56);
    return result("trade-fr", out, date, n, t, security[1]);
  }

  private static GeneratedDocument uk(Fakes f) {
    Notation n = f.notation;
    LocalDate date = f.date();
    String[] security = f.security();
    Trade t = trade(f);
    Layout out = new Layout();
    out.line("Thames Stockbrokers Ltd").line("CONTRACT NOTE").blank();
    out.line("Client: " + f.person());
    out.line("Trade Date " + n.longDate(date))
        .line("Settlement Date " + n.longDate(date.plusDays(2)));
    out.line("Bought " + t.quantity() + " " + security[0] + " ordinary shares");
    out.line("ISIN " + security[1]);
    out.pair("Price", n.money(t.price()), 56).pair("Consideration", n.money(t.principal()), 56);
    out.pair("Commission", n.money(t.fee()), 56);
    out.pair("Total consideration", n.money(t.net()), 56);
    return result("trade-uk", out, date, n, t, security[1]);
  }
}
