package io.findoc.batch.corpus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Bank statements: an English running-balance layout and a German CSV export for development, a
 * French debit/credit layout and a US summary layout held out.
 */
final class StatementTemplates {

  static final String[] KEYS = {
    "documentDate",
    "periodStart",
    "periodEnd",
    "currency",
    "openingBalance",
    "closingBalance",
    "iban"
  };
  private static final List<String> PAYEES =
      List.of(
          "Card payment Supermarket",
          "Salary",
          "Rent",
          "Direct debit Electricity",
          "ATM withdrawal",
          "Transfer from savings",
          "Insurance premium",
          "Refund online shop",
          "Phone bill");

  private StatementTemplates() {}

  static List<Template> all() {
    return List.of(
        Template.of("statement-en", false, Template.in(Notation.UK, Notation.US), f -> english(f)),
        new Template(
            "statement-de-csv",
            false,
            new String[] {"csv"},
            Template.in(Notation.DE),
            f -> germanCsv(f)),
        Template.of("statement-fr", true, Template.in(Notation.FR), f -> french(f)),
        Template.of("statement-us-summary", true, Template.in(Notation.US), f -> usSummary(f)));
  }

  /** A month's movements: dated, signed amounts inside the period. */
  private record Movement(LocalDate date, String text, BigDecimal amount) {}

  private static List<Movement> movements(Fakes f, LocalDate start, LocalDate end) {
    List<Movement> movements = new ArrayList<>();
    int count = f.between(3, 12);
    int days = (int) (end.toEpochDay() - start.toEpochDay());
    List<Integer> offsets = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      offsets.add(f.random.nextInt(days + 1));
    }
    offsets.sort(Integer::compare);
    for (int offset : offsets) {
      BigDecimal amount = f.amount(3, 2500);
      movements.add(
          new Movement(
              start.plusDays(offset),
              f.pick(PAYEES),
              f.random.nextInt(3) == 0 ? amount : amount.negate()));
    }
    return movements;
  }

  private static Truth truth(
      LocalDate date,
      LocalDate start,
      LocalDate end,
      Notation n,
      BigDecimal open,
      BigDecimal close,
      String iban) {
    return new Truth(KEYS)
        .put("documentDate", date)
        .put("periodStart", start)
        .put("periodEnd", end)
        .put("currency", n.currency)
        .put("openingBalance", open)
        .put("closingBalance", close)
        .put("iban", iban);
  }

  private static GeneratedDocument english(Fakes f) {
    Notation n = f.notation;
    LocalDate start = f.date().withDayOfMonth(1);
    LocalDate end = start.plusMonths(1).minusDays(1);
    LocalDate date = end.plusDays(1);
    String iban = f.iban();
    BigDecimal balance = f.amount(100, 9000);
    BigDecimal opening = balance;
    Layout out = new Layout();
    out.line("Northern Union Bank plc").line("Account Statement").blank();
    out.line("Account holder: " + f.person()).line("IBAN: " + Fakes.grouped(iban));
    out.line("BIC: NWBKGB2L").line("Statement date: " + n.date(date));
    out.line("Statement period: " + n.date(start) + " to " + n.date(end)).blank();
    out.pair("Opening balance", n.money(opening), 76).blank();
    int[] widths = {12, 30, 16, 18};
    out.columns(widths, "Date", "Description", "Amount", "Balance");
    for (Movement m : movements(f, start, end)) {
      balance = balance.add(m.amount());
      out.columns(widths, n.date(m.date()), m.text(), n.number(m.amount()), n.number(balance));
    }
    out.blank().pair("Closing balance", n.money(balance), 76);
    return new GeneratedDocument(
        "statement-en",
        "bank_statement",
        out.lines,
        false,
        truth(date, start, end, n, opening, balance, iban).values());
  }

  private static GeneratedDocument germanCsv(Fakes f) {
    Notation n = f.notation;
    LocalDate start = f.date().withDayOfMonth(1);
    LocalDate end = start.plusMonths(1).minusDays(1);
    String iban = f.iban();
    BigDecimal balance = f.amount(100, 9000);
    BigDecimal opening = balance;
    List<String> lines = new ArrayList<>();
    lines.add("Kontoauszug;" + f.person() + ";;");
    lines.add("IBAN;" + iban + ";;");
    lines.add("Zeitraum;" + n.date(start) + " - " + n.date(end) + ";;");
    lines.add("Anfangssaldo;;;" + n.number(opening));
    lines.add("Buchungstag;Verwendungszweck;Betrag;Saldo");
    for (Movement m : movements(f, start, end)) {
      balance = balance.add(m.amount());
      lines.add(
          n.date(m.date()) + ";" + m.text() + ";" + n.number(m.amount()) + ";" + n.number(balance));
    }
    lines.add("Endsaldo;;;" + n.number(balance));
    lines.add("Währung;EUR;;");
    return new GeneratedDocument(
        "statement-de-csv",
        "bank_statement",
        lines,
        true,
        truth(null, start, end, n, opening, balance, iban).values());
  }

  private static GeneratedDocument french(Fakes f) {
    Notation n = f.notation;
    LocalDate start = f.date().withDayOfMonth(1);
    LocalDate end = start.plusMonths(1).minusDays(1);
    LocalDate date = end.plusDays(2);
    String iban = f.iban();
    BigDecimal balance = f.amount(100, 9000);
    BigDecimal opening = balance;
    Layout out = new Layout();
    out.line("Banque Populaire du Nord").line("RELEVÉ DE COMPTE").blank();
    out.line("Titulaire : " + f.person()).line("IBAN : " + Fakes.grouped(iban));
    out.line("Date d'édition : " + n.date(date));
    out.line("Période du " + n.date(start) + " au " + n.date(end)).blank();
    int[] widths = {12, 30, 14, 14, 16};
    out.columns(widths, "Date", "Libellé", "Débit", "Crédit", "Solde");
    out.columns(widths, "", "Solde précédent", "", "", n.number(opening));
    for (Movement m : movements(f, start, end)) {
      balance = balance.add(m.amount());
      String debit = m.amount().signum() < 0 ? n.number(m.amount().negate()) : "";
      String credit = m.amount().signum() > 0 ? n.number(m.amount()) : "";
      out.columns(widths, n.date(m.date()), m.text(), debit, credit, n.number(balance));
    }
    out.columns(widths, "", "Nouveau solde", "", "", n.number(balance));
    out.blank().line("Montants exprimés en EUR.");
    return new GeneratedDocument(
        "statement-fr",
        "bank_statement",
        out.lines,
        false,
        truth(date, start, end, n, opening, balance, iban).values());
  }

  private static GeneratedDocument usSummary(Fakes f) {
    Notation n = f.notation;
    LocalDate start = f.date().withDayOfMonth(1);
    LocalDate end = start.plusMonths(1).minusDays(1);
    BigDecimal opening = f.amount(100, 9000);
    BigDecimal credits = BigDecimal.ZERO;
    BigDecimal debits = BigDecimal.ZERO;
    List<Movement> movements = movements(f, start, end);
    for (Movement m : movements) {
      if (m.amount().signum() > 0) {
        credits = credits.add(m.amount());
      } else {
        debits = debits.add(m.amount().negate());
      }
    }
    BigDecimal closing = opening.add(credits).subtract(debits);
    Layout out = new Layout();
    out.line("FIRST COMMONWEALTH SAVINGS").line("Checking Account Statement").blank();
    out.line(f.person()).line("Account number: 00" + f.between(10000000, 99999999));
    out.line("For the period " + n.longDate(start) + " through " + n.longDate(end)).blank();
    out.line("ACCOUNT SUMMARY");
    out.pair("Beginning balance", n.money(opening), 60);
    out.pair("Deposits and credits", n.money(credits), 60);
    out.pair("Withdrawals and debits", n.money(debits.negate()), 60);
    out.pair("Ending balance", n.money(closing), 60).blank();
    out.line("TRANSACTION DETAIL");
    int[] widths = {12, 34, 16};
    for (Movement m : movements) {
      out.columns(widths, n.date(m.date()), m.text(), n.number(m.amount()));
    }
    return new GeneratedDocument(
        "statement-us-summary",
        "bank_statement",
        out.lines,
        false,
        truth(null, start, end, n, opening, closing, null).values());
  }
}
