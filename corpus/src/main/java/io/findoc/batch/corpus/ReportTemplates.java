package io.findoc.batch.corpus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Annual reports and tax forms: an English report and a US 1099 for development, a German report
 * and a German annual tax certificate held out.
 */
final class ReportTemplates {

  static final String[] KEYS = {"currency"};

  private ReportTemplates() {}

  static List<Template> all() {
    return List.of(
        Template.of(
            "annual-report-en",
            "annual_report",
            false,
            Template.in(Notation.UK, Notation.US),
            ReportTemplates::report),
        Template.of(
            "annual-report-de",
            "annual_report",
            true,
            Template.in(Notation.DE),
            ReportTemplates::germanReport),
        Template.of(
            "tax-form-us", "tax_form", false, Template.in(Notation.US), ReportTemplates::form1099),
        Template.of(
            "tax-form-de", "tax_form", true, Template.in(Notation.DE), ReportTemplates::germanTax));
  }

  /** The fiscal year a report or form is for. */
  private static int year(Fakes f) {
    return f.between(2019, 2024);
  }

  /** Reports and forms state only their currency. */
  private static Truth truth(Notation n) {
    return new Truth(KEYS).put("currency", n.currency);
  }

  private static Truth report(Fakes f, Layout out) {
    Notation n = f.notation;
    int year = year(f);
    BigDecimal revenue = f.amount(100000, 9000000);
    BigDecimal income = revenue.multiply(new BigDecimal("0.12"));
    out.line(f.company()).line("Annual Report " + year).blank();
    out.line("Letter to shareholders");
    out.line("Dear shareholders, the fiscal year " + year + " was one of steady growth.");
    out.line(
            "The board of directors proposes a dividend of "
                + n.money(new BigDecimal("1.20"))
                + " per share.")
        .blank();
    out.line("Consolidated income statement (in thousands)");
    out.pair("Revenue", n.money(revenue), 60).pair("Net income", n.money(income), 60);
    out.pair("Earnings per share", n.money(new BigDecimal("2.35")), 60).blank();
    out.line("Consolidated balance sheet");
    out.pair("Total assets", n.money(revenue.multiply(new BigDecimal("1.8"))), 60);
    out.pair("Total equity", n.money(revenue.multiply(new BigDecimal("0.7"))), 60);
    out.line("Report of the independent auditor: unqualified opinion.");
    return truth(n);
  }

  private static Truth germanReport(Fakes f, Layout out) {
    Notation n = f.notation;
    int year = year(f);
    BigDecimal revenue = f.amount(100000, 9000000);
    out.line(f.company()).line("Geschäftsbericht " + year).blank();
    out.line("Brief an die Aktionäre");
    out.line(
            "Sehr geehrte Aktionärinnen und Aktionäre, das Geschäftsjahr "
                + year
                + " war erfolgreich.")
        .blank();
    out.line("Konzern-Gewinn- und Verlustrechnung (in Tsd. EUR)");
    out.pair("Umsatzerlöse", n.number(revenue), 60);
    out.pair("Jahresüberschuss", n.number(revenue.multiply(new BigDecimal("0.08"))), 60);
    out.line("Konzernbilanz zum 31.12." + year);
    out.pair("Bilanzsumme", n.number(revenue.multiply(new BigDecimal("1.5"))), 60);
    out.line("Bestätigungsvermerk des unabhängigen Abschlussprüfers");
    return truth(n);
  }

  private static Truth form1099(Fakes f, Layout out) {
    Notation n = f.notation;
    int year = year(f);
    BigDecimal dividends = f.amount(10, 20000);
    out.line("Form 1099-DIV").line("Dividends and Distributions").line("Tax year " + year);
    out.line("Department of the Treasury - Internal Revenue Service").blank();
    out.line("PAYER'S name: " + f.company()).line("PAYER'S TIN: 12-3456789");
    out.line("RECIPIENT'S name: " + f.person()).line("RECIPIENT'S TIN: ***-**-1234").blank();
    out.pair("1a Total ordinary dividends", n.money(dividends), 60);
    out.pair("1b Qualified dividends", n.money(dividends.multiply(new BigDecimal("0.8"))), 60);
    out.pair("4 Federal income tax withheld", n.money(BigDecimal.ZERO), 60);
    return truth(n);
  }

  private static Truth germanTax(Fakes f, Layout out) {
    Notation n = f.notation;
    int year = year(f);
    BigDecimal income = f.amount(100, 30000);
    BigDecimal tax = income.multiply(new BigDecimal("0.25"));
    out.line(f.company()).line("Jahressteuerbescheinigung für " + year).blank();
    out.line("Gläubiger der Kapitalerträge: " + f.person());
    out.line("Steuer-ID: 12 345 678 901").line("Zur Vorlage beim Finanzamt").blank();
    out.pair("Höhe der Kapitalerträge", n.moneyWithCode(income), 60);
    out.pair("Kapitalertragsteuer", n.moneyWithCode(tax), 60);
    out.pair("Solidaritätszuschlag", n.moneyWithCode(tax.multiply(new BigDecimal("0.055"))), 60);
    out.line("Ausgestellt am " + n.date(LocalDate.of(year + 1, 2, 15)));
    return truth(n);
  }
}
