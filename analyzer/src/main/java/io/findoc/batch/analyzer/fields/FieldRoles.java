package io.findoc.batch.analyzer.fields;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fields found by their role where no label names them: by form (the last and largest amount is the
 * total, a lone reference-like cell above the amounts the invoice number), by arithmetic (the
 * amount equal to the items' sum, the amount that is the stated rate of the subtotal), by place (a
 * statement's two amounts outside its entries, the later of an invoice's dates). Each rule runs
 * only for the field still missing after the labels were read. Stateless.
 */
final class FieldRoles {

  private static final int MAX_DAYS_TO_DUE = 120;
  private static final Pattern REFERENCE =
      Pattern.compile("(?=[^\\s]*\\d)[\\p{L}\\d][\\p{L}\\d/.\\-_]{2,24}");

  private FieldRoles() {}

  /**
   * The subtotal by arithmetic where no label names it: an amount, on a line that is no line item,
   * equal to the sum of the line items. Null if there is none.
   */
  static Money amountEqualTo(
      List<FieldExtractor.Line> lines, BigDecimal itemsSum, String currency) {
    if (itemsSum == null) {
      return null;
    }
    for (FieldExtractor.Line line : lines) {
      if (FieldExtractor.lineItem(line) != null) {
        continue;
      }
      for (Money money : line.money()) {
        if (FieldExtractor.close(money.value(), itemsSum)) {
          return money.orCurrency(currency);
        }
      }
    }
    return null;
  }

  /**
   * The tax by arithmetic where no label names it: an amount on (or under) a line that states a
   * rate ("20%") which is that rate of the subtotal, or the part of the total a tax at that rate
   * makes (tax included, as on a receipt). Null if there is none.
   */
  static Money taxByRate(
      List<FieldExtractor.Line> lines, FieldExtractor.Values values, String currency) {
    for (int i = 0; i < lines.size(); i++) {
      FieldExtractor.Line line = lines.get(i);
      Matcher rate = FieldExtractor.PERCENT.matcher(line.text());
      if (!rate.find()) {
        continue;
      }
      List<Money> amounts = line.money();
      FieldExtractor.Line next = FieldExtractor.nextLine(lines, i);
      if (amounts.isEmpty() && next != null && next.labels().isEmpty()) {
        amounts = next.money(); // the rate's label above its amount
      }
      BigDecimal r = MoneyParser.parseNumber(rate.group(1));
      if (r == null || r.signum() <= 0) {
        continue;
      }
      r = r.movePointLeft(2);
      for (Money money : amounts) {
        BigDecimal a = money.value();
        boolean ofSubtotal =
            values.subtotal != null && FieldExtractor.close(values.subtotal.value().multiply(r), a);
        boolean inTotal =
            values.total != null
                && (FieldExtractor.close(
                        values
                            .total
                            .value()
                            .multiply(r)
                            .divide(BigDecimal.ONE.add(r), 2, java.math.RoundingMode.HALF_UP),
                        a)
                    || FieldExtractor.close(values.total.value().subtract(a).multiply(r), a));
        if (ofSubtotal || inTotal) {
          return money.orCurrency(currency);
        }
      }
    }
    return null;
  }

  /**
   * An invoice's number by its form where no label names it: above the first amount, the first cell
   * that is one reference-like token (letters, digits, "-", "/", "."; a digit among them; not a
   * date, not a bare number of four digits or fewer such as a year).
   */
  static String firstLooseReference(List<FieldExtractor.Line> lines) {
    for (FieldExtractor.Line line : lines) {
      if (!line.money().isEmpty()) {
        return null;
      }
      for (int[] cell : FieldExtractor.cells(line.text())) {
        String text = line.text().substring(cell[0], cell[1]);
        int from = cell[0];
        boolean inDate = line.dates().stream().anyMatch(d -> d.start() <= from && d.end() > from);
        if (!inDate && REFERENCE.matcher(text).matches() && !text.matches("\\d{1,4}")) {
          return text;
        }
      }
    }
    return null;
  }

  /**
   * A statement's balances by their place where labels name one or neither: the amounts on lines
   * that are not entries (no date at the start) are the balances; with two and neither known, the
   * first is the opening and the last the closing balance; with one known, the other is the one
   * left. Nothing is taken if more amounts stand outside the entries.
   */
  static void balancesByPlace(
      List<FieldExtractor.Line> lines,
      FieldExtractor.Values values,
      String currency,
      boolean monthFirst) {
    if (values.opening != null && values.closing != null) {
      return;
    }
    List<Money> outside = new ArrayList<>();
    for (FieldExtractor.Line line : lines) {
      boolean entry =
          (!line.dates().isEmpty() && line.dates().get(0).start() <= 2)
              || DateParser.dayAndMonth(
                      line.text(), monthFirst, values.periodStart, values.periodEnd)
                  != null;
      if (!entry && !line.hasLabel(EnumSet.of(Field.CREDITS, Field.DEBITS))) {
        outside.addAll(line.money());
      }
    }
    if (values.opening == null && values.closing == null && outside.size() == 2) {
      values.opening = outside.get(0).orCurrency(currency);
      values.closing = outside.get(1).orCurrency(currency);
    } else if (outside.size() == 2) {
      Money known = values.opening != null ? values.opening : values.closing;
      List<Money> others =
          outside.stream().filter(m -> m.value().compareTo(known.value()) != 0).toList();
      if (others.size() == 1 && values.opening == null) {
        values.opening = others.get(0).orCurrency(currency);
      } else if (others.size() == 1) {
        values.closing = others.get(0).orCurrency(currency);
      }
    }
  }

  /**
   * The due date by its role where no label names it: on an invoice or a trade confirmation, the
   * one date after the document date, within {@value #MAX_DAYS_TO_DUE} days of it (the payment or
   * settlement date; their line items carry no dates). Null if there is no such date, or more than
   * one.
   */
  static LocalDate laterDate(List<FieldExtractor.Line> lines, LocalDate issued) {
    java.util.Set<LocalDate> later = new java.util.HashSet<>();
    for (FieldExtractor.Line line : lines) {
      for (FoundDate date : line.dates()) {
        if (date.date().isAfter(issued) && !date.date().isAfter(issued.plusDays(MAX_DAYS_TO_DUE))) {
          later.add(date.date());
        }
      }
    }
    return later.size() == 1 ? later.iterator().next() : null;
  }

  /**
   * The total by its form and role where no label names it: the document's last amount, if no
   * amount before it is larger (an invoice, a receipt or a trade confirmation ends with what is to
   * be paid, and it is the largest figure on it). Null otherwise.
   */
  static Money lastIfLargest(List<FieldExtractor.Line> lines, String currency) {
    Money last = null;
    BigDecimal largest = null;
    for (FieldExtractor.Line line : lines) {
      for (Money money : line.money()) {
        last = money;
        largest = largest == null || money.value().compareTo(largest) > 0 ? money.value() : largest;
      }
    }
    return last != null && last.value().compareTo(largest) >= 0 && last.value().signum() > 0
        ? last.orCurrency(currency)
        : null;
  }

  /**
   * The document date by its role where no label names it: the first date on a line without an
   * amount that is neither a due date nor one of the period's bounds (of a statement's header row
   * holding its date and its period, the first).
   */
  static LocalDate firstLooseDate(List<FieldExtractor.Line> lines, FieldExtractor.Values values) {
    for (FieldExtractor.Line line : lines) {
      if (line.hasLabel(EnumSet.of(Field.DUE_DATE, Field.PERIOD)) || !line.money().isEmpty()) {
        continue;
      }
      List<LocalDate> loose =
          line.dates().stream()
              .map(FoundDate::date)
              .filter(d -> !d.equals(values.periodStart) && !d.equals(values.periodEnd))
              .filter(d -> !d.equals(values.dueDate))
              .toList();
      if (loose.size() == 1 && (line.dates().size() == 1 || values.periodStart != null)) {
        return loose.get(0);
      }
    }
    return null;
  }
}
