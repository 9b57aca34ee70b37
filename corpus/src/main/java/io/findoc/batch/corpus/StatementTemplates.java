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

  /** A statement's account and month: the period, the IBAN and the balance it opens with. */
  private record Account(LocalDate start, LocalDate end, String iban, BigDecimal opening) {}

  /**
   * A movement of the month: a dated, signed amount inside the period, and the balance after it.
   */
  private record Movement(LocalDate date, String text, BigDecimal amount, BigDecimal balance) {}

  private static Account account(Fakes f) {
    LocalDate start = f.date().withDayOfMonth(1);
    return new Account(start, start.plusMonths(1).minusDays(1), f.iban(), f.amount(100, 9000));
  }

  private static List<Movement> movements(
      Fakes f, LocalDate start, LocalDate end, BigDecimal opening) {
    List<Movement> movements = new ArrayList<>();
    int count = f.between(3, 12);
    int days = (int) (end.toEpochDay() - start.toEpochDay());
    List<Integer> offsets = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      offsets.add(f.random.nextInt(days + 1));
    }
    offsets.sort(Integer::compare);
    BigDecimal balance = opening;
    for (int offset : offsets) {
      BigDecimal drawn = f.amount(3, 2500);
      String text = f.pick(PAYEES);
      BigDecimal amount = f.random.nextInt(3) == 0 ? drawn : drawn.negate();
      balance = balance.add(amount);
      movements.add(new Movement(start.plusDays(offset), text, amount, balance));
    }
    return movements;
  }

  private static List<Movement> movements(Fakes f, Account account) {
    return movements(f, account.start(), account.end(), account.opening());
  }

  private static BigDecimal closing(Account account, List<Movement> movements) {
    return movements.isEmpty() ? account.opening() : movements.get(movements.size() - 1).balance();
  }

  private static GeneratedDocument document(
      String template, List<String> lines, boolean csv, Truth truth) {
    return new GeneratedDocument(template, "bank_statement", lines, csv, truth.values());
  }

  private static Truth truth(LocalDate date, Account account, Notation n, BigDecimal closing) {
    return truth(
        date, account.start(), account.end(), n, account.opening(), closing, account.iban());
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
    Account a = account(f);
    LocalDate date = a.end().plusDays(1);
    Layout out = new Layout();
    out.line("Northern Union Bank plc").line("Account Statement").blank();
    out.line("Account holder: " + f.person()).line("IBAN: " + Fakes.grouped(a.iban()));
    out.line("BIC: NWBKGB2L").line("Statement date: " + n.date(date));
    out.line("Statement period: " + n.date(a.start()) + " to " + n.date(a.end())).blank();
    out.pair("Opening balance", n.money(a.opening()), 76).blank();
    int[] widths = {12, 30, 16, 18};
    out.columns(widths, "Date", "Description", "Amount", "Balance");
    List<Movement> movements = movements(f, a);
    for (Movement m : movements) {
      out.columns(widths, n.date(m.date()), m.text(), n.number(m.amount()), n.number(m.balance()));
    }
    BigDecimal closing = closing(a, movements);
    out.blank().pair("Closing balance", n.money(closing), 76);
    return document("statement-en", out.lines, false, truth(date, a, n, closing));
  }

  private static GeneratedDocument germanCsv(Fakes f) {
    Notation n = f.notation;
    Account a = account(f);
    List<String> lines = new ArrayList<>();
    lines.add("Kontoauszug;" + f.person() + ";;");
    lines.add("IBAN;" + a.iban() + ";;");
    lines.add("Zeitraum;" + n.date(a.start()) + " - " + n.date(a.end()) + ";;");
    lines.add("Anfangssaldo;;;" + n.number(a.opening()));
    lines.add("Buchungstag;Verwendungszweck;Betrag;Saldo");
    List<Movement> movements = movements(f, a);
    for (Movement m : movements) {
      lines.add(
          String.join(
              ";", n.date(m.date()), m.text(), n.number(m.amount()), n.number(m.balance())));
    }
    BigDecimal closing = closing(a, movements);
    lines.add("Endsaldo;;;" + n.number(closing));
    lines.add("Währung;EUR;;");
    return document("statement-de-csv", lines, true, truth(null, a, n, closing));
  }

  private static GeneratedDocument french(Fakes f) {
    Notation n = f.notation;
    Account a = account(f);
    LocalDate date = a.end().plusDays(2);
    Layout out = new Layout();
    out.line("Banque Populaire du Nord").line("RELEVÉ DE COMPTE").blank();
    out.line("Titulaire : " + f.person()).line("IBAN : " + Fakes.grouped(a.iban()));
    out.line("Date d'édition : " + n.date(date));
    out.line("Période du " + n.date(a.start()) + " au " + n.date(a.end())).blank();
    int[] widths = {12, 30, 14, 14, 16};
    out.columns(widths, "Date", "Libellé", "Débit", "Crédit", "Solde");
    out.columns(widths, "", "Solde précédent", "", "", n.number(a.opening()));
    List<Movement> movements = movements(f, a);
    for (Movement m : movements) {
      String debit = m.amount().signum() < 0 ? n.number(m.amount().negate()) : "";
      String credit = m.amount().signum() > 0 ? n.number(m.amount()) : "";
      out.columns(widths, n.date(m.date()), m.text(), debit, credit, n.number(m.balance()));
    }
    BigDecimal closing = closing(a, movements);
    out.columns(widths, "", "Nouveau solde", "", "", n.number(closing));
    out.blank().line("Montants exprimés en EUR.");
    return document("statement-fr", out.lines, false, truth(date, a, n, closing));
  }

  private static GeneratedDocument usSummary(Fakes f) {
    Notation n = f.notation;
    LocalDate start = f.date().withDayOfMonth(1);
    LocalDate end = start.plusMonths(1).minusDays(1);
    BigDecimal opening = f.amount(100, 9000);
    BigDecimal credits = BigDecimal.ZERO;
    BigDecimal debits = BigDecimal.ZERO;
    List<Movement> movements = movements(f, start, end, opening);
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
    return document(
        "statement-us-summary",
        out.lines,
        false,
        truth(null, start, end, n, opening, closing, null));
  }
}
