package io.findoc.batch.analyzer.fields;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds dates in a line: ISO {@code 2024-03-15}; numeric {@code 15.03.2024}, {@code 15-03-2024},
 * {@code 03/15/2024} or {@code 15/03/2024}; and with month names in English, German, French and
 * Dutch ({@code 15 March 2024}, {@code March 15, 2024}, {@code 15. März 2024}, {@code 1er mars
 * 2024}, {@code 15-Mar-2024}). A slash date whose order its numbers do not settle is read day first
 * unless {@code monthFirst} (the document's convention, see {@link #prefersMonthFirst}).
 */
public final class DateParser {

  private static final Map<String, Integer> MONTHS = months();
  private static final String MONTH_NAME;
  private static final int SHORTEST_MONTH =
      MONTHS.keySet().stream().mapToInt(String::length).min().orElseThrow();
  private static final int LONGEST_MONTH =
      MONTHS.keySet().stream().mapToInt(String::length).max().orElseThrow();

  static {
    List<String> names = new ArrayList<>(MONTHS.keySet());
    names.sort(Comparator.comparingInt(String::length).reversed());
    MONTH_NAME = "(" + String.join("|", names) + ")\\.?";
  }

  /** {@code 2026-12-02}, {@code 2026/12/02}, and either with a time ({@code 2026-12-02T10:15}). */
  private static final Pattern ISO =
      Pattern.compile("\\b(\\d{4})([-/])(\\d{1,2})\\2(\\d{1,2})(?=T\\d|\\b)");

  private static final Pattern DOTTED =
      Pattern.compile("\\b(\\d{1,2})([./-])(\\d{1,2})\\2(\\d{4}|\\d{2})(?![\\d.,]\\d)");
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile(
          "\\b(\\d{1,2})(?:st|nd|rd|th|er|e)?\\.?[\\s-]+"
              + MONTH_NAME
              + ",?[\\s-]+(\\d{4}|\\d{2})\\b",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile(
          "(?<![\\p{L}])" + MONTH_NAME + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern SLASH_ORDER =
      Pattern.compile("\\b(\\d{1,2})/(\\d{1,2})/\\d{2,4}\\b");

  private static final Pattern DAY_MONTH_START =
      Pattern.compile("^\\s{0,2}(\\d{1,2})([./])(\\d{1,2})\\.?(?=\\s)");

  private DateParser() {}

  /**
   * A date without a year at the start of a statement line ({@code 03/11}, {@code 03.11.}), with
   * the year that puts it inside the period {@code start} to {@code end}; null if the line starts
   * otherwise, no period is known or no year fits.
   */
  public static LocalDate dayAndMonth(
      String line, boolean monthFirst, LocalDate start, LocalDate end) {
    if (start == null || end == null) {
      return null;
    }
    Matcher m = DAY_MONTH_START.matcher(line);
    if (!m.find()) {
      return null;
    }
    int a = Integer.parseInt(m.group(1));
    int b = Integer.parseInt(m.group(3));
    boolean dayFirst = a > 12 || (b <= 12 && !(m.group(2).equals("/") && monthFirst));
    int day = dayFirst ? a : b;
    int month = dayFirst ? b : a;
    for (int year = start.getYear(); year <= end.getYear(); year++) {
      LocalDate candidate = date(String.valueOf(year), String.valueOf(month), String.valueOf(day));
      if (candidate != null && !candidate.isBefore(start) && !candidate.isAfter(end)) {
        return candidate;
      }
    }
    return null;
  }

  /** The dates in {@code line}, in order, none overlapping another. */
  public static List<FoundDate> find(String line, boolean monthFirst) {
    int digits = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      }
    }
    if (digits < 3) {
      return List.of(); // every form has a day and a year of two digits at least
    }
    List<FoundDate> found = new ArrayList<>();
    Matcher m = ISO.matcher(line);
    while (m.find()) {
      add(found, date(m.group(1), m.group(3), m.group(4)), m);
    }
    m = DOTTED.matcher(line);
    while (m.find()) {
      int a = Integer.parseInt(m.group(1));
      int b = Integer.parseInt(m.group(3));
      boolean slash = m.group(2).equals("/");
      boolean dayFirst = a > 12 || (b <= 12 && !(slash && monthFirst));
      String year = m.group(4);
      add(
          found,
          dayFirst ? date(year, m.group(3), m.group(1)) : date(year, m.group(1), m.group(3)),
          m);
    }
    if (namesAMonth(line)) {
      m = DAY_MONTH_YEAR.matcher(line);
      while (m.find()) {
        add(found, date(m.group(3), month(m.group(2)), m.group(1)), m);
      }
      m = MONTH_DAY_YEAR.matcher(line);
      while (m.find()) {
        add(found, date(m.group(3), month(m.group(1)), m.group(2)), m);
      }
    }
    found.sort(Comparator.comparingInt(FoundDate::start));
    return found;
  }

  /**
   * Whether the document writes slash dates month first: settled by a slash date that only reads
   * one way, else by the dollar sign.
   */
  public static boolean prefersMonthFirst(String text) {
    Matcher m = SLASH_ORDER.matcher(text.indexOf('/') < 0 ? "" : text);
    while (m.find()) {
      int a = Integer.parseInt(m.group(1));
      int b = Integer.parseInt(m.group(2));
      if (a > 12 && b <= 12) {
        return false;
      }
      if (b > 12 && a <= 12) {
        return true;
      }
    }
    return text.contains("$") || text.contains("USD");
  }

  /**
   * Whether a word of the line (a run of letters) is a month's name: the month-name forms are tried
   * only then, since a case-insensitive alternation of all the names costs more than the rest of
   * the line's reading.
   */
  private static boolean namesAMonth(String line) {
    int i = 0;
    while (i < line.length()) {
      if (!Character.isLetter(line.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < line.length() && Character.isLetter(line.charAt(i))) {
        i++;
      }
      if (i - start >= SHORTEST_MONTH
          && i - start <= LONGEST_MONTH
          && MONTHS.containsKey(line.substring(start, i).toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  private static void add(List<FoundDate> found, LocalDate date, Matcher m) {
    if (date == null) {
      return;
    }
    for (FoundDate other : found) {
      if (m.start() < other.end() && other.start() < m.end()) {
        return;
      }
    }
    found.add(new FoundDate(date, m.start(), m.end()));
  }

  private static String month(String name) {
    Integer month = MONTHS.get(name.toLowerCase(Locale.ROOT).replace(".", ""));
    return month == null ? "0" : String.valueOf(month);
  }

  private static LocalDate date(String year, String month, String day) {
    try {
      int y = Integer.parseInt(year);
      if (year.length() == 2) {
        y += 2000;
      }
      if (y < 1900 || y > 2100) {
        return null;
      }
      return LocalDate.of(y, Integer.parseInt(month), Integer.parseInt(day));
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  private static Map<String, Integer> months() {
    String[][] names = {
      {"january", "jan", "januar", "jänner", "janvier", "janv", "januari"},
      {"february", "feb", "februar", "février", "fevrier", "févr", "fevr", "februari"},
      {"march", "mar", "märz", "maerz", "mars", "maart", "mrt", "mär"},
      {"april", "apr", "avril", "avr"},
      {"may", "mai", "mei"},
      {"june", "jun", "juni", "juin"},
      {"july", "jul", "juli", "juillet", "juil"},
      {"august", "aug", "août", "aout", "augustus"},
      {"september", "sep", "sept", "septembre"},
      {"october", "oct", "oktober", "okt", "octobre"},
      {"november", "nov", "novembre"},
      {"december", "dec", "dezember", "dez", "décembre", "decembre", "déc"}
    };
    Map<String, Integer> months = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      for (String name : names[i]) {
        months.put(name, i + 1);
      }
    }
    return months;
  }
}
