package io.findoc.batch.corpus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/** Trade confirmations: US and German for development, French and UK contract notes held out. */
final class TradeTemplates {

  static final String[] KEYS = {"documentDate", "currency", "total", "isin"};
  private static final String TYPE = "trade_confirmation";

  private TradeTemplates() {}

  static List<Template> all() {
    return List.of(
        Template.of("trade-us", TYPE, false, Template.in(Notation.US), TradeTemplates::us),
        Template.of("trade-de", TYPE, false, Template.in(Notation.DE), TradeTemplates::german),
        Template.of("trade-fr", TYPE, true, Template.in(Notation.FR), TradeTemplates::french),
        Template.of("trade-uk", TYPE, true, Template.in(Notation.UK), TradeTemplates::uk));
  }

  /** A purchase: trade date, security, ISIN, quantity, price, principal, commission, net. */
  private record Trade(
      LocalDate date,
      String security,
      String isin,
      int quantity,
      BigDecimal price,
      BigDecimal principal,
      BigDecimal fee) {
    BigDecimal net() {
      return principal.add(fee);
    }

    Truth truth(Notation n) {
      return new Truth(KEYS)
          .put("documentDate", date)
          .put("currency", n.currency)
          .put("total", net())
          .put("isin", isin);
    }
  }

  private static Trade trade(Fakes f) {
    LocalDate date = f.date();
    String[] security = f.security();
    int quantity = f.between(1, 500);
    BigDecimal price = f.amount(5, 900);
    BigDecimal principal = price.multiply(BigDecimal.valueOf(quantity));
    BigDecimal fee =
        principal
            .multiply(new BigDecimal("0.0025"))
            .setScale(2, RoundingMode.HALF_UP)
            .max(new BigDecimal("4.95"));
    return new Trade(date, security[0], security[1], quantity, price, principal, fee);
  }

  private static Truth us(Fakes f, Layout out) {
    Notation n = f.notation;
    Trade t = trade(f);
    out.line("Summit Brokerage LLC").line("TRADE CONFIRMATION").blank();
    out.line("Account: " + f.person());
    out.line(
        "Trade date: " + n.date(t.date()) + "    Settlement date: " + n.date(t.date().plusDays(2)));
    out.line("We have BOUGHT for your account:");
    out.line("Security: " + t.security() + "   ISIN: " + t.isin());
    out.pair("Quantity", String.valueOf(t.quantity()), 50);
    out.pair("Price", n.money(t.price()), 50).pair("Principal", n.money(t.principal()), 50);
    out.pair("Commission", n.money(t.fee()), 50).pair("Net amount", n.money(t.net()), 50);
    return t.truth(n);
  }

  private static Truth german(Fakes f, Layout out) {
    Notation n = f.notation;
    Trade t = trade(f);
    out.line("Sparkasse Musterstadt").line("Wertpapierabrechnung Kauf").blank();
    out.line("Depotinhaber: " + f.person());
    out.line("Schlusstag: " + n.date(t.date())).line("Valuta: " + n.date(t.date().plusDays(2)));
    out.line("Wertpapier: " + t.security()).line("ISIN: " + t.isin());
    out.pair("Stück", String.valueOf(t.quantity()), 50);
    out.pair("Kurs", n.moneyWithCode(t.price()), 50);
    out.pair("Kurswert", n.moneyWithCode(t.principal()), 50);
    out.pair("Provision", n.moneyWithCode(t.fee()), 50);
    out.pair("Ausmachender Betrag", n.moneyWithCode(t.net()), 50);
    return t.truth(n);
  }

  private static Truth french(Fakes f, Layout out) {
    Notation n = f.notation;
    Trade t = trade(f);
    out.line("Crédit Lyonnais Bourse").line("AVIS D'OPÉRÉ - ACHAT AU COMPTANT").blank();
    out.line("Date de négociation : " + n.date(t.date()));
    out.line("Date de règlement : " + n.date(t.date().plusDays(2)));
    out.line("Valeur : " + t.security() + " (code ISIN " + t.isin() + ")");
    out.pair("Quantité", String.valueOf(t.quantity()), 56);
    out.pair("Cours", n.money(t.price()), 56).pair("Montant brut", n.money(t.principal()), 56);
    out.pair("Courtage", n.money(t.fee()), 56).pair("Montant net", n.money(t.net()), 56);
    return t.truth(n);
  }

  private static Truth uk(Fakes f, Layout out) {
    Notation n = f.notation;
    Trade t = trade(f);
    out.line("Thames Stockbrokers Ltd").line("CONTRACT NOTE").blank();
    out.line("Client: " + f.person());
    out.line("Trade Date " + n.longDate(t.date()))
        .line("Settlement Date " + n.longDate(t.date().plusDays(2)));
    out.line("Bought " + t.quantity() + " " + t.security() + " ordinary shares");
    out.line("ISIN " + t.isin());
    out.pair("Price", n.money(t.price()), 56).pair("Consideration", n.money(t.principal()), 56);
    out.pair("Commission", n.money(t.fee()), 56);
    out.pair("Total consideration", n.money(t.net()), 56);
    return t.truth(n);
  }
}
