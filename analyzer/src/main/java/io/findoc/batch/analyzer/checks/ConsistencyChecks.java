package io.findoc.batch.analyzer.checks;

import io.findoc.batch.analyzer.fields.DocumentDetails;
import io.findoc.batch.analyzer.fields.DocumentFields;
import io.findoc.batch.analyzer.fields.Money;
import io.findoc.batch.analyzer.fields.TradeFigures;
import io.findoc.batch.analyzer.fields.Transaction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a document's figures against each other, within one cent. Each check runs only when the
 * figures it needs were all found; {@link Result#checked()} names those that ran, {@link
 * Result#findings()} those that failed.
 *
 * <ul>
 *   <li>{@code LINE_ITEMS_MISMATCH}: line items do not sum to the subtotal (or, without one, the
 *       total less tax); a warning, since a line the reader did not take for an item may be one;
 *   <li>{@code SUBTOTAL_TAX_MISMATCH}: subtotal + tax ≠ total;
 *   <li>{@code BALANCE_MISMATCH}: opening + credits − debits ≠ closing, with the labelled totals of
 *       credits and debits or else the signed transactions;
 *   <li>{@code DATE_OUTSIDE_PERIOD}: a transaction dated outside the statement period;
 *   <li>{@code TRADE_AMOUNTS_MISMATCH}: a trade's quantity × price ≠ gross (within half a cent a
 *       unit, for prices printed rounded), or gross ± fees ≠ net (+ for a purchase, − for a sale).
 * </ul>
 */
public final class ConsistencyChecks {

  private static final BigDecimal CENT = new BigDecimal("0.01");
  private static final int MAX_UNSIGNED = 20;

  /** The checks that ran and those that failed. */
  public record Result(List<String> checked, List<Finding> findings) {}

  public Result check(DocumentFields fields) {
    return check(fields, DocumentDetails.NONE);
  }

  public Result check(DocumentFields fields, DocumentDetails details) {
    List<String> checked = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    lineItems(fields, checked, findings);
    subtotalPlusTax(fields, checked, findings);
    balance(fields, checked, findings);
    datesInPeriod(fields, checked, findings);
    trade(details.trade(), checked, findings);
    return new Result(checked, findings);
  }

  private static void trade(TradeFigures t, List<String> checked, List<Finding> findings) {
    if (t == null || t.gross() == null) {
      return;
    }
    List<String> wrong = new ArrayList<>();
    boolean ran = false;
    if (t.quantity() != null && t.price() != null) {
      ran = true;
      BigDecimal product = t.quantity().multiply(t.price().value());
      BigDecimal tolerance = t.quantity().abs().multiply(new BigDecimal("0.005")).add(CENT);
      if (product.subtract(t.gross().value()).abs().compareTo(tolerance) > 0) {
        wrong.add(
            "quantity "
                + t.quantity()
                + " × price "
                + t.price().value()
                + " = "
                + product
                + ", but the gross amount is "
                + t.gross().value());
      }
    }
    if (t.fees() != null && t.net() != null && t.side() != null) {
      ran = true;
      BigDecimal expected =
          "sell".equals(t.side())
              ? t.gross().value().subtract(t.fees().value())
              : t.gross().value().add(t.fees().value());
      if (!close(expected, t.net().value())) {
        wrong.add(
            "gross "
                + t.gross().value()
                + ("sell".equals(t.side()) ? " − " : " + ")
                + "fees "
                + t.fees().value()
                + " = "
                + expected
                + ", but the net amount is "
                + t.net().value());
      }
    }
    if (!ran) {
      return;
    }
    checked.add("TRADE_AMOUNTS");
    if (!wrong.isEmpty()) {
      findings.add(
          new Finding(
              "TRADE_AMOUNTS_MISMATCH",
              "error",
              String.join("; ", wrong),
              figures(
                  "quantity", t.quantity(),
                  "price", t.price() == null ? null : t.price().value(),
                  "gross", t.gross().value(),
                  "fees", t.fees() == null ? null : t.fees().value(),
                  "net", t.net() == null ? null : t.net().value())));
    }
  }

  private static void lineItems(DocumentFields f, List<String> checked, List<Finding> findings) {
    if (f.lineItems().isEmpty() || f.otherAmountLinesAmongItems()) {
      return;
    }
    BigDecimal expected = null;
    BigDecimal taxIncluded = null;
    if (f.subtotal() != null) {
      expected = f.subtotal().value();
    } else if (f.total() != null) {
      expected = f.total().value().subtract(f.tax() == null ? BigDecimal.ZERO : f.tax().value());
      // without a subtotal the prices may include the tax, as a receipt's do
      taxIncluded = f.total().value();
    }
    if (expected == null) {
      return;
    }
    checked.add("LINE_ITEMS");
    BigDecimal sum = f.lineItems().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    if (!close(sum, expected) && (taxIncluded == null || !close(sum, taxIncluded))) {
      findings.add(
          new Finding(
              "LINE_ITEMS_MISMATCH",
              "warning",
              "the " + f.lineItems().size() + " line items sum to " + sum + ", not " + expected,
              figures(
                  "lineItemsSum", sum, "expected", expected, "lineItems", f.lineItems().size())));
    }
  }

  private static void subtotalPlusTax(
      DocumentFields f, List<String> checked, List<Finding> findings) {
    if (f.subtotal() == null || f.tax() == null || f.total() == null) {
      return;
    }
    checked.add("SUBTOTAL_TAX");
    BigDecimal sum = f.subtotal().value().add(f.tax().value());
    if (!close(sum, f.total().value())) {
      findings.add(
          new Finding(
              "SUBTOTAL_TAX_MISMATCH",
              "error",
              "subtotal "
                  + f.subtotal().value()
                  + " + tax "
                  + f.tax().value()
                  + " = "
                  + sum
                  + ", but the total is "
                  + f.total().value(),
              figures(
                  "subtotal",
                  f.subtotal().value(),
                  "tax",
                  f.tax().value(),
                  "total",
                  f.total().value())));
    }
  }

  private static void balance(DocumentFields f, List<String> checked, List<Finding> findings) {
    if (f.openingBalance() == null || f.closingBalance() == null) {
      return;
    }
    BigDecimal credits;
    BigDecimal debits;
    if (f.credits() != null && f.debits() != null) {
      credits = f.credits().value();
      debits = f.debits().value();
    } else if (!f.transactions().isEmpty()
        && f.transactions().stream().allMatch(Transaction::signKnown)) {
      credits = sum(f.transactions(), 1);
      debits = sum(f.transactions(), -1).negate();
    } else if (!f.transactions().isEmpty()) {
      unsignedBalance(f, checked, findings);
      return;
    } else {
      return;
    }
    checked.add("BALANCE");
    BigDecimal expected = f.openingBalance().value().add(credits).subtract(debits);
    Money closing = f.closingBalance();
    if (!close(expected, closing.value())) {
      findings.add(
          new Finding(
              "BALANCE_MISMATCH",
              "error",
              "opening "
                  + f.openingBalance().value()
                  + " + credits "
                  + credits
                  + " − debits "
                  + debits
                  + " = "
                  + expected
                  + ", but the closing balance is "
                  + closing.value(),
              figures(
                  "openingBalance",
                  f.openingBalance().value(),
                  "credits",
                  credits,
                  "debits",
                  debits,
                  "closingBalance",
                  closing.value())));
    }
  }

  /**
   * The balance check where the entries' signs are not printed (credits and debits in columns the
   * text does not tell apart): the statement adds up if some choice of signs for the unsigned
   * entries takes the opening balance to the closing one; if none does, no reading of its entries
   * makes it add up, and that is a {@code BALANCE_MISMATCH}. Up to {@value #MAX_UNSIGNED} unsigned
   * entries (2^n choices, in whole cents); with more the check does not run.
   */
  private static void unsignedBalance(
      DocumentFields f, List<String> checked, List<Finding> findings) {
    List<Transaction> unsigned = f.transactions().stream().filter(t -> !t.signKnown()).toList();
    if (unsigned.size() > MAX_UNSIGNED) {
      return;
    }
    long target = cents(f.closingBalance().value()) - cents(f.openingBalance().value());
    for (Transaction t : f.transactions()) {
      if (t.signKnown()) {
        target -= cents(t.amount());
      }
    }
    long[] amounts = new long[unsigned.size()];
    for (int i = 0; i < amounts.length; i++) {
      amounts[i] = Math.abs(cents(unsigned.get(i).amount()));
    }
    checked.add("BALANCE");
    if (someSignsReach(amounts, target)) {
      return;
    }
    findings.add(
        new Finding(
            "BALANCE_MISMATCH",
            "error",
            "no choice of signs for the "
                + amounts.length
                + " unsigned entries takes the opening balance "
                + f.openingBalance().value()
                + " to the closing balance "
                + f.closingBalance().value(),
            figures(
                "openingBalance",
                f.openingBalance().value(),
                "closingBalance",
                f.closingBalance().value(),
                "unsignedEntries",
                amounts.length)));
  }

  /** Whether ±a1 ± a2 ... ± an = target, within a cent, for some choice of signs. */
  static boolean someSignsReach(long[] amounts, long target) {
    long all = 0;
    for (long a : amounts) {
      all += a;
    }
    for (long mask = 0; mask < (1L << amounts.length); mask++) {
      long sum = all;
      for (int i = 0; i < amounts.length; i++) {
        if ((mask & (1L << i)) != 0) {
          sum -= 2 * amounts[i];
        }
      }
      if (Math.abs(sum - target) <= 1) {
        return true;
      }
    }
    return false;
  }

  private static long cents(BigDecimal amount) {
    return amount.movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
  }

  private static void datesInPeriod(
      DocumentFields f, List<String> checked, List<Finding> findings) {
    if (f.periodStart() == null || f.periodEnd() == null || f.transactions().isEmpty()) {
      return;
    }
    checked.add("DATES_IN_PERIOD");
    List<String> outside = new ArrayList<>();
    for (Transaction t : f.transactions()) {
      LocalDate d = t.date();
      if (d.isBefore(f.periodStart()) || d.isAfter(f.periodEnd())) {
        outside.add(d.toString());
      }
    }
    if (!outside.isEmpty()) {
      findings.add(
          new Finding(
              "DATE_OUTSIDE_PERIOD",
              "warning",
              outside.size()
                  + " transaction(s) dated outside the period "
                  + f.periodStart()
                  + " to "
                  + f.periodEnd(),
              figures(
                  "periodStart",
                  f.periodStart().toString(),
                  "periodEnd",
                  f.periodEnd().toString(),
                  "dates",
                  outside.subList(0, Math.min(20, outside.size())))));
    }
  }

  private static BigDecimal sum(List<Transaction> transactions, int signum) {
    return transactions.stream()
        .map(Transaction::amount)
        .filter(a -> a.signum() == signum)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static boolean close(BigDecimal a, BigDecimal b) {
    return a.subtract(b).abs().compareTo(CENT) <= 0;
  }

  private static Map<String, Object> figures(Object... pairs) {
    Map<String, Object> figures = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] != null) {
        figures.put((String) pairs[i], pairs[i + 1]);
      }
    }
    return figures;
  }
}
