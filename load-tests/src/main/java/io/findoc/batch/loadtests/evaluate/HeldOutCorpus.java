package io.findoc.batch.loadtests.evaluate;

import io.findoc.batch.common.json.Json;
import io.findoc.batch.loadtests.evaluate.HeldOutDocument.Layout;
import io.findoc.batch.loadtests.evaluate.HeldOutDocument.Pair;
import io.findoc.batch.loadtests.evaluate.HeldOutDocument.Table;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * Writes the held-out evaluation corpus: PDFs drawn with PDFBox's content API in proportional
 * fonts, in four layout families per type (label beside the value, label above it, a ruled grid,
 * two columns), worded from {@link Phrases} (which the analyser never sees), with amounts and dates
 * in several notations. One document in five of the invoices and statements does not add up (its
 * total or closing balance is off), and says so in its truth: the analyser should flag exactly
 * those. The truth is {@value #GROUND_TRUTH}: a list of {@link HeldOutEntry}.
 */
public final class HeldOutCorpus {

  public static final String GROUND_TRUTH = "ground-truth.json";
  static final List<String> TYPES =
      List.of("invoice", "receipt", "bank_statement", "trade_confirmation");

  private static final List<DateTimeFormatter> DATES =
      List.of(
          DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH),
          DateTimeFormatter.ISO_LOCAL_DATE,
          DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH),
          DateTimeFormatter.ofPattern("dd.MM.yyyy"));

  private final Phrases phrases;
  private final Random random;
  private DateTimeFormatter dates;
  private Notation notation;

  private HeldOutCorpus(Phrases phrases, long seed) {
    this.phrases = phrases;
    this.random = new Random(seed);
  }

  /** Writes {@code perCell} documents per type and layout into {@code folder}. */
  public static List<HeldOutEntry> write(Path folder, int perCell, long seed) throws IOException {
    Files.createDirectories(folder);
    HeldOutCorpus corpus = new HeldOutCorpus(Phrases.load(), seed);
    List<HeldOutEntry> entries = new ArrayList<>();
    int n = 0;
    for (String type : TYPES) {
      int ofType = 0;
      for (Layout layout : Layout.values()) {
        for (int i = 0; i < perCell; i++) {
          boolean broken = ofType++ % 5 == 4;
          HeldOutDocument doc = corpus.document(type, broken);
          String file = String.format(Locale.ROOT, "held-out-%04d.pdf", ++n);
          Files.write(folder.resolve(file), doc.render(layout, n % 2 == 0));
          entries.add(
              new HeldOutEntry(
                  "held-out-" + n,
                  file,
                  type + "/" + layout.name().toLowerCase(Locale.ROOT),
                  type,
                  doc.consistent(),
                  doc.truth()));
        }
      }
    }
    Json.mapper()
        .writerWithDefaultPrettyPrinter()
        .writeValue(folder.resolve(GROUND_TRUTH).toFile(), entries);
    return entries;
  }

  private HeldOutDocument document(String type, boolean broken) {
    dates = DATES.get(random.nextInt(DATES.size()));
    return switch (type) {
      case "invoice" -> invoice(broken);
      case "receipt" -> receipt();
      case "bank_statement" -> statement(broken);
      case "trade_confirmation" -> trade();
      default -> throw new IllegalArgumentException(type);
    };
  }

  private HeldOutDocument invoice(boolean broken) {
    String currency = pickCurrency();
    LocalDate issued = day();
    LocalDate due = issued.plusDays(14 + random.nextInt(3) * 8);
    String number =
        random.nextBoolean()
            ? "A-" + (10_000 + random.nextInt(89_999))
            : issued.getYear() + "/" + String.format(Locale.ROOT, "%04d", 1 + random.nextInt(999));
    String buyer = phrases.pick("parties.buyer", random);
    List<List<String>> rows = new ArrayList<>();
    BigDecimal subtotal = items(rows, 12, 500, 40_000, i -> "Item " + (char) ('A' + i) + "-");
    String taxLabel = phrases.pick("invoice.tax", random);
    BigDecimal rate = rateIn(taxLabel);
    BigDecimal tax = subtotal.multiply(rate).setScale(2, RoundingMode.HALF_UP);
    BigDecimal total = subtotal.add(tax);
    if (broken) {
      total = total.add(new BigDecimal("10.00"));
    }
    List<Pair> header =
        List.of(
            new Pair(phrases.pick("invoice.number", random), number),
            new Pair(phrases.pick("invoice.date", random), issued.format(dates)),
            new Pair(phrases.pick("invoice.due", random), due.format(dates)),
            new Pair(phrases.pick("invoice.buyer", random), buyer));
    List<Pair> totals =
        List.of(
            new Pair(phrases.pick("invoice.subtotal", random), money(subtotal, currency)),
            new Pair(taxLabel, money(tax, currency)),
            new Pair(phrases.pick("invoice.total", random), money(total, currency)));
    Map<String, String> truth = new LinkedHashMap<>();
    truth.put("invoiceNumber", number);
    truth.put("documentDate", issued.toString());
    truth.put("dueDate", due.toString());
    truth.put("counterparty", buyer);
    truth.put("currency", currency);
    truth.put("subtotal", plain(subtotal));
    truth.put("tax", plain(tax));
    truth.put("total", plain(total));
    Table table =
        new Table(
            headings("invoice.items", "invoice.qty", "invoice.price", "invoice.amount"), rows, 1);
    return new HeldOutDocument(
        "invoice", phrases.pick("invoice.title", random), header, table, totals, !broken, truth);
  }

  private HeldOutDocument receipt() {
    String currency = pickCurrency();
    LocalDate day = day();
    List<List<String>> rows = new ArrayList<>();
    BigDecimal total = items(rows, 3, 99, 2_500, i -> "Article ");
    BigDecimal tax =
        total.multiply(new BigDecimal("20")).divide(new BigDecimal("120"), 2, RoundingMode.HALF_UP);
    List<Pair> header = List.of(new Pair(phrases.pick("receipt.date", random), day.format(dates)));
    List<Pair> totals =
        List.of(
            new Pair(phrases.pick("receipt.total", random), money(total, currency)),
            new Pair(phrases.pick("receipt.tax", random) + " 20%", money(tax, currency)));
    Map<String, String> truth = new LinkedHashMap<>();
    truth.put("documentDate", day.toString());
    truth.put("currency", currency);
    truth.put("tax", plain(tax));
    truth.put("total", plain(total));
    Table table = new Table(List.of("", "", "", ""), rows, 1);
    return new HeldOutDocument(
        "receipt", phrases.pick("receipt.title", random), header, table, totals, true, truth);
  }

  private HeldOutDocument statement(boolean broken) {
    String currency = pickCurrency();
    LocalDate start = LocalDate.of(2026, 1 + random.nextInt(11), 1);
    LocalDate end = start.plusMonths(1).minusDays(1);
    LocalDate produced = end.plusDays(1 + random.nextInt(3));
    BigDecimal opening = cents(50_000 + random.nextInt(900_000));
    BigDecimal balance = opening;
    List<List<String>> rows = new ArrayList<>();
    int entries = 3 + random.nextInt(5);
    LocalDate on = start;
    for (int i = 0; i < entries; i++) {
      on = on.plusDays(1 + random.nextInt(3));
      BigDecimal amount = cents(1_000 + random.nextInt(120_000));
      boolean credit = random.nextInt(3) == 0;
      balance = credit ? balance.add(amount) : balance.subtract(amount);
      rows.add(
          List.of(
              on.format(dates),
              (credit ? "Transfer from " : "Card payment ") + (1000 + random.nextInt(9000)),
              credit ? notation.format(amount) : "",
              credit ? "" : notation.format(amount)));
    }
    BigDecimal closing = broken ? balance.add(new BigDecimal("25.00")) : balance;
    String period =
        start.format(dates) + (random.nextBoolean() ? " to " : " - ") + end.format(dates);
    List<Pair> header =
        List.of(
            new Pair(phrases.pick("statement.date", random), produced.format(dates)),
            new Pair(phrases.pick("statement.period", random), period),
            new Pair("IBAN", iban()));
    List<Pair> totals =
        List.of(
            new Pair(phrases.pick("statement.opening", random), money(opening, currency)),
            new Pair(phrases.pick("statement.closing", random), money(closing, currency)));
    Map<String, String> truth = new LinkedHashMap<>();
    truth.put("documentDate", produced.toString());
    truth.put("periodStart", start.toString());
    truth.put("periodEnd", end.toString());
    truth.put("currency", currency);
    truth.put("openingBalance", plain(opening));
    truth.put("closingBalance", plain(closing));
    Table table =
        new Table(
            headings(
                "statement.date.col",
                "statement.text.col",
                "statement.in.col",
                "statement.out.col"),
            rows,
            2);
    return new HeldOutDocument(
        "bank_statement",
        phrases.pick("statement.title", random),
        header,
        table,
        totals,
        !broken,
        truth);
  }

  private HeldOutDocument trade() {
    String currency = pickCurrency();
    LocalDate traded = day();
    LocalDate settles = businessDaysAfter(traded, 2);
    BigDecimal qty = BigDecimal.valueOf(5 + random.nextInt(500));
    BigDecimal price = cents(500 + random.nextInt(50_000));
    BigDecimal gross = qty.multiply(price);
    BigDecimal fees = cents(500 + random.nextInt(3_000));
    BigDecimal net = gross.add(fees);
    List<Pair> header =
        List.of(
            new Pair(phrases.pick("trade.date", random), traded.format(dates)),
            new Pair(phrases.pick("trade.settle", random), settles.format(dates)),
            new Pair(phrases.pick("trade.security", random), "Acme Holdings ord. US0378331005"),
            new Pair(phrases.pick("trade.qty", random), qty.toPlainString()),
            new Pair(phrases.pick("trade.price", random), notation.format(price)));
    List<Pair> totals =
        List.of(
            new Pair(phrases.pick("trade.fees", random), money(fees, currency)),
            new Pair(phrases.pick("trade.net", random), money(net, currency)));
    Map<String, String> truth = new LinkedHashMap<>();
    truth.put("documentDate", traded.toString());
    truth.put("dueDate", settles.toString());
    truth.put("currency", currency);
    truth.put("total", plain(net));
    return new HeldOutDocument(
        "trade_confirmation",
        phrases.pick("trade.title", random),
        header,
        null,
        totals,
        true,
        truth);
  }

  /**
   * Draws two to four item rows (name, quantity up to {@code maxQuantity}, unit price of {@code
   * minCents} and up to {@code spreadCents} more, amount) into {@code rows}; returns their sum. The
   * i-th item is named {@code name.apply(i)} and a three-digit number.
   */
  private BigDecimal items(
      List<List<String>> rows,
      int maxQuantity,
      int minCents,
      int spreadCents,
      IntFunction<String> name) {
    BigDecimal sum = BigDecimal.ZERO;
    int lines = 2 + random.nextInt(3);
    for (int i = 0; i < lines; i++) {
      BigDecimal qty = BigDecimal.valueOf(1 + random.nextInt(maxQuantity));
      BigDecimal price = cents(minCents + random.nextInt(spreadCents));
      BigDecimal amount = qty.multiply(price);
      sum = sum.add(amount);
      rows.add(
          List.of(
              name.apply(i) + (100 + random.nextInt(900)),
              qty.toPlainString(),
              notation.format(price),
              notation.format(amount)));
    }
    return sum;
  }

  /** A table's column headings: one wording picked for each of {@code keys}, in order. */
  private List<String> headings(String... keys) {
    List<String> headings = new ArrayList<>(keys.length);
    for (String key : keys) {
      headings.add(phrases.pick(key, random));
    }
    return headings;
  }

  private String pickCurrency() {
    String currency = List.of("EUR", "USD", "GBP", "EUR").get(random.nextInt(4));
    notation =
        currency.equals("EUR") && random.nextBoolean() ? Notation.EUROPEAN : Notation.ENGLISH;
    return currency;
  }

  /** The amount with its currency, as a code after or a symbol or code before. */
  private String money(BigDecimal amount, String currency) {
    String number = notation.format(amount);
    return switch (random.nextInt(3)) {
      case 0 -> number + " " + currency;
      case 1 -> currency + " " + number;
      default ->
          switch (currency) {
            case "EUR" -> "€" + number;
            case "USD" -> "$" + number;
            case "GBP" -> "£" + number;
            default -> currency + " " + number;
          };
    };
  }

  private LocalDate day() {
    return LocalDate.of(2026, 1, 1).plusDays(random.nextInt(330));
  }

  private static LocalDate businessDaysAfter(LocalDate day, int n) {
    LocalDate d = day;
    for (int i = 0; i < n; ) {
      d = d.plusDays(1);
      if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
        i++;
      }
    }
    return d;
  }

  private String iban() {
    return List.of(
            "GB82WEST12345698765432", "DE89370400440532013000", "FR1420041010050500013M02606")
        .get(random.nextInt(3));
  }

  private static BigDecimal rateIn(String label) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)%").matcher(label);
    if (!m.find()) {
      throw new IllegalStateException("a tax label without a rate: " + label);
    }
    return new BigDecimal(m.group(1)).movePointLeft(2);
  }

  private static BigDecimal cents(int cents) {
    return BigDecimal.valueOf(cents, 2);
  }

  private static String plain(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  /** How numbers are written: {@code 1,234.56} or {@code 1.234,56}. */
  private enum Notation {
    ENGLISH,
    EUROPEAN;

    String format(BigDecimal amount) {
      String english = String.format(Locale.ROOT, "%,.2f", amount);
      return this == ENGLISH
          ? english
          : english.replace(',', '_').replace('.', ',').replace('_', '.');
    }
  }
}
