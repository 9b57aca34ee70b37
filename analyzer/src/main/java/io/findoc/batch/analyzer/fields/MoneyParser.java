package io.findoc.batch.analyzer.fields;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds money amounts in a line: {@code $1,234.56}, {@code 1.234,56 €}, {@code EUR 1 234,56},
 * {@code (1,234.56)}, {@code -12.00}, {@code 12,00-}, {@code 1.234,56 -}, {@code 12.00 DR} (a
 * debit; {@code CR} a credit), {@code CHF 1'234.56}, {@code C$ 12.00} (CAD; also A$, NZ$, HK$, S$,
 * US$), Indian grouping {@code ₹1,23,456.78}. Spaces group thousands only before a decimal comma
 * ({@code 1 234,56}): in {@code 2 100.00} they separate a quantity from a price. Something counts
 * as money only if it has a currency beside it or exactly two decimals: bare integers are
 * quantities, years or references. Where one separator could be either, the last separator followed
 * by one or two digits is the decimal one; a separator followed by three digits groups thousands.
 */
public final class MoneyParser {

  static final Map<String, String> SYMBOLS =
      Map.ofEntries(
          Map.entry("€", "EUR"),
          Map.entry("$", "USD"),
          Map.entry("£", "GBP"),
          Map.entry("¥", "JPY"),
          Map.entry("₹", "INR"),
          Map.entry("US$", "USD"),
          Map.entry("C$", "CAD"),
          Map.entry("CA$", "CAD"),
          Map.entry("A$", "AUD"),
          Map.entry("AU$", "AUD"),
          Map.entry("NZ$", "NZD"),
          Map.entry("HK$", "HKD"),
          Map.entry("S$", "SGD"));
  private static final String CODES =
      "EUR|USD|GBP|CHF|JPY|SEK|NOK|DKK|PLN|CZK|HUF|CAD|AUD|NZD|SGD|HKD|INR";
  private static final String CURRENCY =
      "(?:(?<![A-Za-z])(?:US|CA|AU|NZ|HK|C|A|S)\\$|[€$£¥₹]|\\b(?:" + CODES + ")\\b)";
  private static final String NUMBER =
      "\\d{1,2}(?:,\\d{2})+,\\d{3}(?:\\.\\d{1,2})?"
          + "|\\d{1,3}(?:,\\d{3})+(?:\\.\\d{1,2})?"
          + "|\\d{1,3}(?:\\.\\d{3})+(?:,\\d{1,2})?"
          + "|\\d{1,3}(?:[ \\u00a0\\u202f]\\d{3})+(?:,\\d{2})?"
          + "|\\d{1,3}(?:'\\d{3})+(?:\\.\\d{2})?"
          + "|\\d+(?:[.,]\\d{1,2})?";
  private static final Pattern AMOUNT =
      Pattern.compile(
          "(?<open>\\()?(?<sign>[-−])?(?<pre>"
              + CURRENCY
              + ")?\\s?(?<sign2>[-−])?(?<![\\d.,])(?<num>"
              + NUMBER
              + ")(?![\\d%]|[.,]\\d|\\s?%)(?:\\s?(?<post>"
              + CURRENCY
              + "))?(?<close>\\))?(?<trail>\\s?-(?!\\s*[\\d\\p{L}]))?(?:\\s?(?<mark>CR|DR|Cr|Dr)\\b)?");

  /**
   * How far before its number an amount may start: an opening parenthesis, a sign, a three-letter
   * code, a space and a second sign ({@code (-EUR -12.00)}), and one to spare.
   */
  private static final int REACH = 8;

  private MoneyParser() {}

  /** The amounts in {@code line}, in order. */
  public static List<Money> find(String line) {
    int digit = nextDigit(line, 0);
    if (digit < 0) {
      return List.of();
    }
    List<Money> found = new ArrayList<>();
    Matcher m = AMOUNT.matcher(line).useTransparentBounds(true).useAnchoringBounds(false);
    // An amount starts at most REACH characters before its first digit: the search starts there,
    // not at every position of the words between amounts.
    for (int from = 0; digit >= 0; digit = nextDigit(line, from)) {
      m.region(Math.max(from, digit - REACH), line.length());
      if (!m.find()) {
        break;
      }
      from = m.end();
      String number = m.group("num");
      String currency = currency(m.group("pre"), m.group("post"));
      boolean twoDecimals = hasTwoDecimals(number);
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
              || (m.group("open") != null && m.group("close") != null)
              || "DR".equalsIgnoreCase(m.group("mark"));
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
    int last = Math.max(number.lastIndexOf('.'), number.lastIndexOf(','));
    boolean decimals = last >= 0 && digitsAfter(number, last) <= 2;
    StringBuilder digits = new StringBuilder(number.length());
    for (int i = 0; i < number.length(); i++) {
      char c = number.charAt(i);
      if (i == last && decimals) {
        digits.append('.');
      } else if (c != '.' && c != ',' && c != ' ' && c != '\u00a0' && c != '\u202f' && c != '\'') {
        digits.append(c);
      }
    }
    try {
      return new BigDecimal(digits.toString());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** How many characters other than group separators follow {@code index}. */
  private static int digitsAfter(String number, int index) {
    int count = 0;
    for (int i = index + 1; i < number.length(); i++) {
      char c = number.charAt(i);
      if (c != ' ' && c != '\u00a0' && c != '\u202f' && c != '\'') {
        count++;
      }
    }
    return count;
  }

  /** Whether the number ends in a separator and two digits ({@code 12.50}, {@code 3,00}). */
  private static boolean hasTwoDecimals(String number) {
    int n = number.length();
    return n >= 3
        && (number.charAt(n - 3) == '.' || number.charAt(n - 3) == ',')
        && Character.isDigit(number.charAt(n - 2))
        && Character.isDigit(number.charAt(n - 1));
  }

  private static int nextDigit(String line, int from) {
    for (int i = from; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c >= '0' && c <= '9') {
        return i;
      }
    }
    return -1;
  }
}
