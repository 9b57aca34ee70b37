package io.findoc.batch.analyzer.fields;

import io.findoc.batch.analyzer.phrase.PhraseMatcher;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key figures of an annual report (fiscal year, revenue, net income, total assets) and of a tax
 * form (tax year, wages, tax withheld), read from labelled lines. Where a header line names two or
 * more years as columns, a labelled line with one figure per year gives the latest year's figure,
 * not the prior year's beside it; otherwise the first figure after the label counts. Figures may be
 * bare grouped numbers ({@code 1,200}, {@code (35)}), as statements in thousands print them.
 *
 * @param fiscalYear the labelled fiscal year, else the latest year of the column header, else the
 *     first year standing alone near the top
 */
public record ReportFigures(
    Integer fiscalYear,
    Money revenue,
    Money netIncome,
    Money totalAssets,
    Integer taxYear,
    Money wages,
    Money taxWithheld) {

  private enum Figure {
    FISCAL_YEAR,
    REVENUE,
    NET_INCOME,
    TOTAL_ASSETS,
    TAX_YEAR,
    WAGES,
    TAX_WITHHELD
  }

  private static final PhraseMatcher<Figure> LABELS = PhraseMatcher.of(vocabulary());
  private static final Pattern YEAR =
      Pattern.compile("(?<![\\d.,])(19[5-9]\\d|20\\d\\d)(?![\\d.,])");
  private static final Pattern FIGURE =
      Pattern.compile(
          "(?<![\\p{L}\\d.,])\\(?[-−]?(?:\\d{1,3}(?:[,.']\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?)\\)?(?![\\p{L}\\d])");
  private static final int TOP_LINES = 5;

  /** The figures of {@code text}, or null if it labels none of them. */
  static ReportFigures read(String text, String currency) {
    String[] lines = text.split("\n");
    List<Integer> columns = yearColumns(lines);
    int current = -1;
    Integer headerYear = null;
    if (columns != null) {
      for (int i = 0; i < columns.size(); i++) {
        if (current < 0 || columns.get(i) > columns.get(current)) {
          current = i;
        }
      }
      headerYear = columns.get(current);
    }
    Map<Figure, Object> found = new LinkedHashMap<>();
    for (String line : lines) {
      for (PhraseMatcher.Match<Figure> label : LABELS.findLongest(line)) {
        if (found.containsKey(label.value())) {
          continue;
        }
        String after = line.substring(label.end());
        if (label.value() == Figure.FISCAL_YEAR || label.value() == Figure.TAX_YEAR) {
          Matcher year = YEAR.matcher(after);
          if (year.find()) {
            found.put(label.value(), Integer.parseInt(year.group(1)));
          }
          continue;
        }
        List<BigDecimal> figures = figures(after);
        if (figures.isEmpty()) {
          continue;
        }
        BigDecimal value =
            columns != null && figures.size() == columns.size()
                ? figures.get(current)
                : figures.get(0);
        found.put(label.value(), new Money(value, currency, 0));
      }
    }
    if (found.isEmpty()) {
      return null;
    }
    Integer fiscal = (Integer) found.get(Figure.FISCAL_YEAR);
    if (fiscal == null
        && (found.containsKey(Figure.REVENUE)
            || found.containsKey(Figure.TOTAL_ASSETS)
            || found.containsKey(Figure.NET_INCOME))) {
      fiscal = headerYear != null ? headerYear : topYear(lines);
    }
    return new ReportFigures(
        fiscal,
        (Money) found.get(Figure.REVENUE),
        (Money) found.get(Figure.NET_INCOME),
        (Money) found.get(Figure.TOTAL_ASSETS),
        (Integer) found.get(Figure.TAX_YEAR),
        (Money) found.get(Figure.WAGES),
        (Money) found.get(Figure.TAX_WITHHELD));
  }

  /** The years of the first line made of two or more years and nothing else but words. */
  private static List<Integer> yearColumns(String[] lines) {
    for (String line : lines) {
      Matcher m = YEAR.matcher(line);
      List<Integer> years = new ArrayList<>();
      while (m.find()) {
        years.add(Integer.parseInt(m.group(1)));
      }
      if (years.size() >= 2
          && YEAR.matcher(line).replaceAll("").chars().noneMatch(Character::isDigit)) {
        return years;
      }
    }
    return null;
  }

  private static Integer topYear(String[] lines) {
    for (int i = 0; i < Math.min(TOP_LINES, lines.length); i++) {
      Matcher m = YEAR.matcher(lines[i]);
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
    }
    return null;
  }

  private static List<BigDecimal> figures(String text) {
    List<BigDecimal> figures = new ArrayList<>();
    Matcher m = FIGURE.matcher(text);
    while (m.find()) {
      String token = m.group();
      boolean negative =
          token.startsWith("(") && token.endsWith(")")
              || token.contains("-")
              || token.contains("−");
      String digits = token.replaceAll("[()\\-−]", "");
      BigDecimal value = MoneyParser.parseNumber(digits);
      if (value != null) {
        figures.add(negative ? value.negate() : value);
      }
    }
    return figures;
  }

  private static Map<String, Figure> vocabulary() {
    Map<String, Figure> v = new LinkedHashMap<>();
    put(
        v,
        Figure.FISCAL_YEAR,
        "fiscal year",
        "financial year",
        "geschäftsjahr",
        "exercice",
        "boekjaar");
    put(
        v,
        Figure.REVENUE,
        "revenue",
        "revenues",
        "total revenue",
        "net revenue",
        "net sales",
        "turnover",
        "umsatzerlöse",
        "umsatz",
        "chiffre d'affaires",
        "omzet",
        "netto-omzet");
    put(
        v,
        Figure.NET_INCOME,
        "net income",
        "net profit",
        "net earnings",
        "profit for the year",
        "jahresüberschuss",
        "konzernjahresüberschuss",
        "résultat net",
        "nettowinst",
        "nettoresultaat");
    put(
        v,
        Figure.TOTAL_ASSETS,
        "total assets",
        "bilanzsumme",
        "summe aktiva",
        "total de l'actif",
        "total actif",
        "totaal activa");
    put(
        v,
        Figure.TAX_YEAR,
        "tax year",
        "steuerjahr",
        "veranlagungsjahr",
        "année d'imposition",
        "année fiscale",
        "belastingjaar");
    put(
        v,
        Figure.WAGES,
        "wages",
        "wages, tips, other compensation",
        "gross wages",
        "bruttoarbeitslohn",
        "salaires");
    put(
        v,
        Figure.TAX_WITHHELD,
        "federal income tax withheld",
        "income tax withheld",
        "tax withheld",
        "einbehaltene lohnsteuer",
        "impôt retenu");
    return v;
  }

  private static void put(Map<String, Figure> v, Figure figure, String... phrases) {
    for (String phrase : phrases) {
      v.put(phrase, figure);
    }
  }
}
