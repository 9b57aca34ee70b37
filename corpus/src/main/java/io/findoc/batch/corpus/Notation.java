package io.findoc.batch.corpus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How a locale writes money and dates: grouping and decimal separators, currency and where its sign
 * goes, numeric and long date formats.
 */
enum Notation {
  US("USD", "$", true, ',', '.', "MM/dd/yyyy", "MMMM d, yyyy", Locale.US),
  UK("GBP", "£", true, ',', '.', "dd/MM/yyyy", "d MMMM yyyy", Locale.UK),
  DE("EUR", "€", false, '.', ',', "dd.MM.yyyy", "d. MMMM yyyy", Locale.GERMANY),
  FR("EUR", "€", false, ' ', ',', "dd/MM/yyyy", "d MMMM yyyy", Locale.FRANCE),
  NL("EUR", "€", true, '.', ',', "dd-MM-yyyy", "d MMMM yyyy", Locale.forLanguageTag("nl-NL"));

  final String currency;
  final String symbol;
  final boolean symbolFirst;
  private final char grouping;
  private final char decimal;
  private final DateTimeFormatter numericDate;
  private final DateTimeFormatter longDate;

  Notation(
      String currency,
      String symbol,
      boolean symbolFirst,
      char grouping,
      char decimal,
      String numericDate,
      String longDate,
      Locale locale) {
    this.currency = currency;
    this.symbol = symbol;
    this.symbolFirst = symbolFirst;
    this.grouping = grouping;
    this.decimal = decimal;
    this.numericDate = DateTimeFormatter.ofPattern(numericDate, locale);
    this.longDate = DateTimeFormatter.ofPattern(longDate, locale);
  }

  /** {@code 1,234.56} or {@code 1.234,56} or {@code 1 234,56}. */
  String number(BigDecimal value) {
    DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
    symbols.setGroupingSeparator(grouping);
    symbols.setDecimalSeparator(decimal);
    DecimalFormat format = new DecimalFormat("#,##0.00", symbols);
    return format.format(value.setScale(2, RoundingMode.HALF_UP));
  }

  /** The number with the currency symbol where the locale puts it. */
  String money(BigDecimal value) {
    String number = number(value.abs());
    String sign = value.signum() < 0 ? "-" : "";
    return symbolFirst ? sign + symbol + number : sign + number + " " + symbol;
  }

  /** The number with the ISO code after it. */
  String moneyWithCode(BigDecimal value) {
    return number(value) + " " + currency;
  }

  String date(LocalDate date) {
    return numericDate.format(date);
  }

  String longDate(LocalDate date) {
    return longDate.format(date);
  }
}
