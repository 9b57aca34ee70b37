package io.findoc.batch.worker.analysis.fields;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds money amounts in a line: {@code $1,234.56}, {@code 1.234,56 €}, {@code EUR 1 234,56},
 * {@code (1,234.56)}, {@code -12.00}, {@code 12,00-}. Something counts as money only if it has a
 * currency beside it or exactly two decimals: bare integers are quantities, years or references.
 * Where one separator could be either, the last separator followed by one or two digits is the
 * decimal one; a separator followed by three digits groups thousands.
 */
public final class MoneyParser {

  static final Map<String, String> SYMBOLS = Map.of("€", "EUR", "$", "USD", "£", "GBP", "¥", "JPY");
  private static final String CODES =
      "EUR|USD|GBP|CHF|JPY|SEK|NOK|DKK|PLN|CZK|HUF|CAD|AUD|NZD|SGD|HKD";
  private static final String CURRENCY = "(?:[€$£¥]|\\b(?:" + CODES + ")\\b)";
  private static final String NUMBER =
      "\\d{1,3}(?:,\\d{3})+(?:\\.\\d{1,2})?"
          + "|\\d{1,3}(?:\\.\\d{3})+(?:,\\d{1,2})?"
          + "|\\d{1,3}(?:[ \\u00a0\\u202f']\\d{3})+(?:[,.]\\d{2})?"
          + "|\\d+(?:[.,]\\d{1,2})?";
  private static final Pattern AMOUNT =
      Pattern.compile(
          "(?<open>\\()?(?<sign>[-−])?(?<pre>"
              + CURRENCY
              + ")?\\s?(?<sign2>[-−])?(?<![\\d.,])(?<num>"
              + NUMBER
              + ")(?![\\d%]|[.,]\\d|\\s?%)(?:\\s?(?<post>"
              + CURRENCY
              + "))?(?<close>\\))?(?<trail>-(?![\\d\\w]))?");

  private MoneyParser() {}

  /** The amounts in {@code line}, in order. */
  public static List<Money> find(String line) {
    List<Money> found = new ArrayList<>();
    Matcher m = AMOUNT.matcher(line);
    while (m.find()) {
      String number = m.group("num");
      String currency = currency(m.group("pre"), m.group("post"));
      boolean twoDecimals = number.matches(".*[.,]\\d{2}");
      if (currency == null && !twoDecimals) {
        continue;
      }
      BigDecimal value = parseNumber(number);
      if (value == null) {
        continue;
      }
      boolean negative =
          m.group("sign") != null
              || m.group("sign2") != null
              || m.group("trail") != null
              || (m.group("open") != null && m.group("close") != null);
      found.add(new Money(negative ? value.negate() : value, currency, m.start()));
    }
    return found;
  }

  private static String currency(String pre, String post) {
    String symbol = pre != null ? pre : post;
    if (symbol == null) {
      return null;
    }
    return SYMBOLS.getOrDefault(symbol, symbol);
  }

  /** A number in any of the notations above, or null. */
  static BigDecimal parseNumber(String number) {
    String n = number.replaceAll("[ \\u00a0\\u202f']", "");
    int lastDot = n.lastIndexOf('.');
    int lastComma = n.lastIndexOf(',');
    int last = Math.max(lastDot, lastComma);
    String digits;
    if (last >= 0 && n.length() - last - 1 <= 2) {
      digits = n.substring(0, last).replaceAll("[.,]", "") + "." + n.substring(last + 1);
    } else {
      digits = n.replaceAll("[.,]", "");
    }
    try {
      return new BigDecimal(digits);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
