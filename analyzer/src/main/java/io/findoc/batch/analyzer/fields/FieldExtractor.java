package io.findoc.batch.analyzer.fields;

import io.findoc.batch.analyzer.classify.DocumentType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the fields of a financial document from its text, line by line: each label's value is the
 * text from the label to the next label on the line (or the next line, for a label alone on its
 * line); amounts take the last amount there, dates the first date. Statements' dated lines become
 * {@link Transaction}s, signed by the running balance where the document prints one; lines reading
 * quantity × unit price = amount become line items. Thread-safe.
 */
public final class FieldExtractor {

  private static final Set<Field> AMOUNT_FIELDS =
      EnumSet.of(
          Field.TOTAL,
          Field.SUBTOTAL,
          Field.NET_AMOUNT,
          Field.TAX,
          Field.OPENING_BALANCE,
          Field.CLOSING_BALANCE,
          Field.CREDITS,
          Field.DEBITS);
  private static final Pattern RANGE_WORD =
      Pattern.compile(
          "\\s*(?:-|–|—|to|bis|au|tot|through|until|t/m|à)\\s*", Pattern.CASE_INSENSITIVE);
  private static final Pattern PLAIN_NUMBER =
      Pattern.compile("(?<![\\p{L}\\d.,])\\d+(?:[.,]\\d{1,3})?(?![\\p{L}\\d])");
  private static final Set<String> ISO_CODES =
      Set.of(
          "EUR", "USD", "GBP", "CHF", "JPY", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "CAD", "AUD",
          "NZD", "HKD", "SGD", "INR");
  private static final BigDecimal CENT = new BigDecimal("0.01");
  static final Pattern PERCENT = Pattern.compile("(\\d{1,2}(?:[.,]\\d{1,2})?)\\s?%");

  /** A cell of a line: text up to a column break (three spaces or more). */
  private static final Pattern CELL = Pattern.compile("\\S+(?: {1,2}\\S+)*");

  /** One line, taken apart. */
  record Line(
      int number,
      String text,
      List<Labels.Found> labels,
      List<FoundDate> dates,
      List<Money> money) {

    boolean hasLabel(Set<Field> fields) {
      return labels.stream().anyMatch(l -> fields.contains(l.field()));
    }
  }

  /** The fields of {@link DocumentFields} and those of {@link DocumentDetails} text carries. */
  public record TextFields(DocumentFields fields, DocumentDetails details) {}

  public DocumentFields extract(String text, DocumentType type) {
    return read(text, type).fields();
  }

  public TextFields read(String text, DocumentType type) {
    boolean monthFirst = DateParser.prefersMonthFirst(text);
    List<Line> lines = parse(text, monthFirst);
    String currency = dominantCurrency(text, lines);
    Values values = new Values();
    for (int i = 0; i < lines.size(); i++) {
      if (!readHeaderCells(lines, i, values, currency)
          && !readHeaderRow(lines, i, values, currency)) {
        readLabels(lines, i, values, currency);
      }
    }
    if (values.netAmount != null) {
      if (type == DocumentType.TRADE_CONFIRMATION && values.total == null) {
        values.total = values.netAmount;
      } else if (type != DocumentType.TRADE_CONFIRMATION && values.subtotal == null) {
        values.subtotal = values.netAmount;
      }
    }
    if (values.total == null
        && values.bareAmount != null
        && (type == DocumentType.INVOICE || type == DocumentType.RECEIPT)) {
      values.total = values.bareAmount;
    }
    if (values.total == null
        && (type == DocumentType.INVOICE
            || type == DocumentType.RECEIPT
            || type == DocumentType.TRADE_CONFIRMATION)) {
      values.total = FieldRoles.lastIfLargest(lines, currency);
    }
    if (values.periodStart == null) {
      findUnlabelledPeriod(lines, values);
    }
    if (values.documentDate == null) {
      values.documentDate = FieldRoles.firstLooseDate(lines, values);
    }
    if (values.dueDate == null
        && values.documentDate != null
        && (type == DocumentType.INVOICE || type == DocumentType.TRADE_CONFIRMATION)) {
      values.dueDate = FieldRoles.laterDate(lines, values.documentDate);
    }
    LineItems items = lineItems(lines);
    if (type == DocumentType.INVOICE || type == DocumentType.RECEIPT) {
      BigDecimal itemsSum = sum(items.amounts);
      if (type == DocumentType.RECEIPT && values.total == null && itemsSum != null) {
        // a receipt's prices include the tax: what its items sum to is its total
        values.total = FieldRoles.amountEqualTo(lines, itemsSum, currency);
      } else if (values.subtotal == null
          && itemsSum != null
          && (values.total == null || !close(values.total.value(), itemsSum))) {
        // items summing to the total are priced with the tax included: there is no subtotal
        values.subtotal = FieldRoles.amountEqualTo(lines, itemsSum, currency);
      }
      if (values.tax == null) {
        values.tax = FieldRoles.taxByRate(lines, values, currency);
      }
      if (values.invoiceNumber == null && type == DocumentType.INVOICE) {
        values.invoiceNumber = FieldRoles.firstLooseReference(lines);
      }
    }
    if (type == DocumentType.BANK_STATEMENT) {
      FieldRoles.balancesByPlace(lines, values, currency, monthFirst);
    }
    List<Transaction> transactions = transactions(lines, values, monthFirst);
    List<DocumentFields.LineAmount> amounts = new ArrayList<>();
    for (Line line : lines) {
      for (Money money : line.money()) {
        amounts.add(new DocumentFields.LineAmount(money.orCurrency(currency), line.number()));
      }
    }
    DocumentFields fields =
        new DocumentFields(
            values.documentDate,
            values.dueDate,
            values.periodStart,
            values.periodEnd,
            values.issuer,
            values.counterparty,
            currency,
            values.total,
            values.subtotal,
            values.tax,
            values.opening,
            values.closing,
            values.credits,
            values.debits,
            items.amounts,
            items.otherAmountLines,
            transactions,
            amounts);
    DocumentDetails details = DocumentDetails.NONE.withInvoiceNumber(values.invoiceNumber);
    if (type == DocumentType.ANNUAL_REPORT || type == DocumentType.TAX_FORM) {
      details = details.withReport(ReportFigures.read(text, currency));
    }
    if (type == DocumentType.TRADE_CONFIRMATION) {
      details = details.withTrade(TradeFigures.read(text, currency));
    }
    return new TextFields(fields, details);
  }

  /** The fields as they are found, first or last occurrence winning as each field needs. */
  static final class Values {
    LocalDate documentDate;
    LocalDate dueDate;
    LocalDate periodStart;
    LocalDate periodEnd;
    String issuer;
    String counterparty;
    Money total;
    Money subtotal;
    Money netAmount;
    Money tax;
    Money opening;
    Money closing;
    Money credits;
    Money debits;
    String invoiceNumber;
    Money bareAmount;
    final Set<Integer> taxLines = new java.util.HashSet<>();
  }

  private static List<Line> parse(String text, boolean monthFirst) {
    List<Line> lines = new ArrayList<>();
    int number = 0;
    for (String raw : text.split("\n", -1)) {
      number++;
      String line = raw.replace('\t', ' ').replace('\u00a0', ' ');
      if (line.isBlank()) {
        continue;
      }
      List<FoundDate> dates = DateParser.find(line, monthFirst);
      StringBuilder withoutDates = new StringBuilder(line);
      for (FoundDate date : dates) {
        for (int c = date.start(); c < date.end(); c++) {
          withoutDates.setCharAt(c, ' ');
        }
      }
      List<Money> money = MoneyParser.find(withoutDates.toString());
      lines.add(
          new Line(
              number, line, LabelWords.find(line, Labels.find(line), dates, money), dates, money));
    }
    return lines;
  }

  private static void readLabels(List<Line> lines, int index, Values values, String currency) {
    Line line = lines.get(index);
    List<Labels.Found> labels = line.labels();
    for (int k = 0; k < labels.size(); k++) {
      Labels.Found label = labels.get(k);
      int end = k + 1 < labels.size() ? labels.get(k + 1).start() : line.text().length();
      List<Money> money = within(line.money(), label.end(), end);
      List<FoundDate> dates =
          line.dates().stream().filter(d -> d.start() >= label.end() && d.start() < end).toList();
      Line next = aloneOnLine(line, label) ? nextLine(lines, index) : null;
      if (money.isEmpty() && dates.isEmpty() && next != null && next.labels().isEmpty()) {
        money = next.money();
        dates = next.dates();
      }
      Money amount = money.isEmpty() ? null : money.get(money.size() - 1).orCurrency(currency);
      LocalDate date = dates.isEmpty() ? null : dates.get(0).date();
      switch (byRole(label, amount, dates)) {
        case TOTAL -> values.total = amount != null ? amount : values.total;
        case SUBTOTAL -> values.subtotal = amount != null ? amount : values.subtotal;
        case NET_AMOUNT -> values.netAmount = amount != null ? amount : values.netAmount;
        case TAX -> {
          if (amount != null && values.taxLines.add(line.number())) {
            values.tax =
                values.tax == null
                    ? amount
                    : new Money(values.tax.value().add(amount.value()), amount.currency(), 0);
          }
        }
        case OPENING_BALANCE -> values.opening = values.opening == null ? amount : values.opening;
        case CLOSING_BALANCE -> values.closing = amount != null ? amount : values.closing;
        case CREDITS -> values.credits = amount != null ? abs(amount) : values.credits;
        case DEBITS -> values.debits = amount != null ? abs(amount) : values.debits;
        case DOCUMENT_DATE ->
            values.documentDate = values.documentDate == null ? date : values.documentDate;
        case DUE_DATE -> values.dueDate = values.dueDate == null ? date : values.dueDate;
        case PERIOD -> {
          List<FoundDate> rest =
              line.dates().stream().filter(d -> d.start() >= label.end()).toList();
          if (values.periodStart == null && rest.size() >= 2) {
            values.periodStart = rest.get(0).date();
            values.periodEnd = rest.get(1).date();
          }
        }
        case ISSUER -> {
          if (values.issuer == null) {
            values.issuer = partyName(lines, index, label);
          }
        }
        case COUNTERPARTY -> {
          if (values.counterparty == null) {
            values.counterparty = partyName(lines, index, label);
          }
        }
        case AMOUNT -> values.bareAmount = values.bareAmount == null ? amount : values.bareAmount;
        case INVOICE_NUMBER -> {
          if (values.invoiceNumber == null) {
            values.invoiceNumber = reference(lines, index, label, end);
          }
        }
        case NOT_A_FIELD -> {}
      }
    }
  }

  /**
   * A header row: two or more labels and no value on the line, the values on the next line in the
   * same order ("Invoice date Due date Total" over "2026-12-02 2026-12-16 USD 10.00"). Each label
   * takes the value at its place. Whether the line was read so.
   */
  private static boolean readHeaderRow(
      List<Line> lines, int index, Values values, String currency) {
    Line line = lines.get(index);
    Line next = valuesBelowLabels(lines, index, 2);
    if (next == null) {
      return false;
    }
    List<Object> cells = new ArrayList<>();
    int d = 0;
    int m = 0;
    while (d < next.dates().size() || m < next.money().size()) {
      boolean dateFirst =
          m >= next.money().size()
              || (d < next.dates().size()
                  && next.dates().get(d).start() < next.money().get(m).start());
      cells.add(dateFirst ? next.dates().get(d++) : next.money().get(m++));
    }
    if (cells.size() != line.labels().size()) {
      return false;
    }
    for (int k = 0; k < cells.size(); k++) {
      Field field = line.labels().get(k).field();
      Object cell = cells.get(k);
      if (cell instanceof FoundDate date) {
        if (field == Field.DOCUMENT_DATE && values.documentDate == null) {
          values.documentDate = date.date();
        } else if (field == Field.DUE_DATE && values.dueDate == null) {
          values.dueDate = date.date();
        }
      } else if (cell instanceof Money money) {
        Money amount = money.orCurrency(currency);
        switch (field) {
          case TOTAL -> values.total = amount;
          case SUBTOTAL -> values.subtotal = amount;
          case NET_AMOUNT -> values.netAmount = amount;
          case TAX -> values.tax = amount;
          case OPENING_BALANCE -> values.opening = values.opening == null ? amount : values.opening;
          case CLOSING_BALANCE -> values.closing = amount;
          case AMOUNT -> values.bareAmount = values.bareAmount == null ? amount : values.bareAmount;
          default -> {}
        }
      }
    }
    return true;
  }

  /**
   * The line right below a line of at least {@code minLabels} labels and no value, if it holds no
   * label: the values of a header row; otherwise null.
   */
  private static Line valuesBelowLabels(List<Line> lines, int index, int minLabels) {
    Line line = lines.get(index);
    Line next = nextLine(lines, index);
    if (line.labels().size() < minLabels
        || !line.money().isEmpty()
        || !line.dates().isEmpty()
        || next == null
        || !next.labels().isEmpty()
        || next.number() != line.number() + 1) {
      return null;
    }
    return next;
  }

  /**
   * A header row of column cells: labels in cells split by column breaks, no value on the line, and
   * the next line split into as many cells: each labelled cell takes the value in the cell at its
   * place, whatever its kind (a date, an amount, a reference, a name). Whether the line was read
   * so.
   */
  private static boolean readHeaderCells(
      List<Line> lines, int index, Values values, String currency) {
    Line line = lines.get(index);
    Line next = valuesBelowLabels(lines, index, 1);
    if (next == null) {
      return false;
    }
    List<int[]> heads = cells(line.text());
    List<int[]> cells = cells(next.text());
    if (heads.size() < 2 || cells.size() < 2) {
      return false;
    }
    boolean any = false;
    for (int k = 0; k < heads.size(); k++) {
      int[] head = heads.get(k);
      Labels.Found label =
          line.labels().stream()
              .filter(l -> l.start() >= head[0] && l.start() < head[1])
              .findFirst()
              .orElse(null);
      if (label == null) {
        continue;
      }
      // the cell at the same place; where a cell ran over into the next, the nearest by start
      int[] cell = heads.size() == cells.size() ? cells.get(k) : nearest(cells, head[0]);
      String text = next.text().substring(cell[0], cell[1]);
      List<Money> money = within(next.money(), cell[0], cell[1]);
      List<FoundDate> dates =
          next.dates().stream().filter(d -> d.start() >= cell[0] && d.start() < cell[1]).toList();
      Money amount = money.isEmpty() ? null : money.get(money.size() - 1).orCurrency(currency);
      Field field = byRole(label, amount, dates);
      switch (field) {
        case DOCUMENT_DATE, DUE_DATE, PERIOD -> {
          if (dates.isEmpty()) {
            continue;
          }
          if (label.field() == Field.DOCUMENT_DATE && values.documentDate == null) {
            values.documentDate = dates.get(0).date();
          } else if (label.field() == Field.DUE_DATE && values.dueDate == null) {
            values.dueDate = dates.get(0).date();
          } else if (label.field() == Field.PERIOD
              && dates.size() >= 2
              && values.periodStart == null) {
            values.periodStart = dates.get(0).date();
            values.periodEnd = dates.get(1).date();
          }
        }
        case INVOICE_NUMBER -> {
          if (values.invoiceNumber == null) {
            values.invoiceNumber = referenceToken(text);
          }
        }
        case COUNTERPARTY, ISSUER -> {
          String name = cell(text);
          if (name.chars().anyMatch(Character::isLetter)) {
            if (label.field() == Field.COUNTERPARTY && values.counterparty == null) {
              values.counterparty = name;
            } else if (label.field() == Field.ISSUER && values.issuer == null) {
              values.issuer = name;
            }
          }
        }
        default -> {
          if (amount == null) {
            continue;
          }
          switch (field) {
            case TOTAL -> values.total = amount;
            case SUBTOTAL -> values.subtotal = amount;
            case NET_AMOUNT -> values.netAmount = amount;
            case TAX -> values.tax = amount;
            case OPENING_BALANCE ->
                values.opening = values.opening == null ? amount : values.opening;
            case CLOSING_BALANCE -> values.closing = amount;
            case CREDITS -> values.credits = abs(amount);
            case DEBITS -> values.debits = abs(amount);
            case AMOUNT ->
                values.bareAmount = values.bareAmount == null ? amount : values.bareAmount;
            default -> {}
          }
        }
      }
      any = true;
    }
    return any;
  }

  private static int[] nearest(List<int[]> cells, int start) {
    int[] best = cells.get(0);
    for (int[] cell : cells) {
      if (Math.abs(cell[0] - start) < Math.abs(best[0] - start)) {
        best = cell;
      }
    }
    return best;
  }

  /**
   * A label read word by word whose words name when something is due ("due", "payable by") names
   * what is due when its value is an amount, not a date: the total.
   */
  private static Field byRole(Labels.Found label, Money amount, List<FoundDate> dates) {
    if (label.byWords() && label.field() == Field.DUE_DATE && amount != null && dates.isEmpty()) {
      return Field.TOTAL;
    }
    return label.field();
  }

  private static BigDecimal sum(List<BigDecimal> amounts) {
    return amounts.isEmpty() ? null : amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** The cells of a line split at column breaks: {start, end} of each. */
  static List<int[]> cells(String text) {
    List<int[]> cells = new ArrayList<>();
    Matcher m = CELL.matcher(text);
    while (m.find()) {
      cells.add(new int[] {m.start(), m.end()});
    }
    return cells;
  }

  private static List<Money> within(List<Money> money, int from, int to) {
    return money.stream().filter(m -> m.start() >= from && m.start() < to).toList();
  }

  private static Money abs(Money money) {
    return new Money(money.value().abs(), money.currency(), money.start());
  }

  /**
   * Whether nothing but punctuation, and a rate ("VAT 20%", "Tax (19%)": part of the label), stands
   * beside the label on its line.
   */
  private static boolean aloneOnLine(Line line, Labels.Found label) {
    String text = PERCENT.matcher(line.text()).replaceAll(m -> " ".repeat(m.group().length()));
    for (int i = 0; i < text.length(); i++) {
      if ((i < label.start() || i >= label.end()) && !isPunctuationOrSpace(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** {@code [\p{Punct}\s]}: ASCII punctuation or whitespace. */
  private static boolean isPunctuationOrSpace(char c) {
    return c == ' '
        || (c >= '\t' && c <= '\r')
        || (c >= '!' && c <= '/')
        || (c >= ':' && c <= '@')
        || (c >= '[' && c <= '`')
        || (c >= '{' && c <= '~');
  }

  static Line nextLine(List<Line> lines, int index) {
    return index + 1 < lines.size() ? lines.get(index + 1) : null;
  }

  /** The name after "Label:", on the same line or, if it ends there, the next line. */
  private static String partyName(List<Line> lines, int index, Labels.Found label) {
    String text = lines.get(index).text();
    int colon = label.end();
    while (colon < text.length() && text.charAt(colon) == ' ') {
      colon++;
    }
    if (label.byWords() && colon < text.length() && text.charAt(colon) != ':') {
      // a label read word by word, the name after it on the line ("Billed to   Acme Ltd")
      String name = cell(text.substring(colon));
      if (name.chars().anyMatch(Character::isLetter)) {
        return name;
      }
    }
    if (colon >= text.length() || text.charAt(colon) != ':') {
      // "BILL TO" as a heading: the name is the next line
      Line line = lines.get(index);
      Line next = nextLine(lines, index);
      if (aloneOnLine(line, label) && next != null && next.labels().isEmpty()) {
        String name = cell(next.text());
        return name.chars().anyMatch(Character::isLetter) ? name : null;
      }
      return null;
    }
    String value = cell(text.substring(colon + 1));
    if (value.isEmpty()) {
      Line next = nextLine(lines, index);
      value = next == null || !next.labels().isEmpty() ? "" : cell(next.text());
    }
    return value.chars().anyMatch(Character::isLetter) ? value : null;
  }

  /**
   * The reference after a label such as "Invoice No.": the first token with a digit between the
   * label and the next label (after ":", "#", "."), or on the next line if the label stands alone.
   */
  private static String reference(List<Line> lines, int index, Labels.Found label, int end) {
    String after = lines.get(index).text().substring(label.end(), end);
    String token = referenceToken(after);
    if (token == null && aloneOnLine(lines.get(index), label)) {
      Line next = nextLine(lines, index);
      token = next == null || !next.labels().isEmpty() ? null : referenceToken(next.text());
    }
    return token;
  }

  private static String referenceToken(String text) {
    for (String token : text.strip().split("\\s+")) {
      String t = strip(token);
      if (!t.isEmpty() && t.chars().anyMatch(Character::isDigit) && t.length() <= 40) {
        return t;
      }
    }
    return null;
  }

  /** A token without the punctuation around it ({@code :}, {@code #}, {@code .}, {@code ,}). */
  private static String strip(String token) {
    int from = 0;
    int to = token.length();
    while (from < to && ":#.,;()°".indexOf(token.charAt(from)) >= 0) {
      from++;
    }
    while (to > from && ":#.,;()".indexOf(token.charAt(to - 1)) >= 0) {
      to--;
    }
    return token.substring(from, to);
  }

  /** Text up to a column break: a cell separator or a run of spaces. */
  private static String cell(String text) {
    String value = text.strip();
    int cut = value.length();
    for (String separator : List.of(" | ", "   ", "\t")) {
      int at = value.indexOf(separator);
      if (at >= 0) {
        cut = Math.min(cut, at);
      }
    }
    String cell = value.substring(0, cut).strip();
    return cell.endsWith(",") || cell.endsWith(";") ? cell.substring(0, cell.length() - 1) : cell;
  }

  private static void findUnlabelledPeriod(List<Line> lines, Values values) {
    for (Line line : lines) {
      List<FoundDate> dates = line.dates();
      for (int k = 0; k + 1 < dates.size(); k++) {
        String between = line.text().substring(dates.get(k).end(), dates.get(k + 1).start());
        if (RANGE_WORD.matcher(between).matches()
            && !dates.get(k + 1).date().isBefore(dates.get(k).date())) {
          values.periodStart = dates.get(k).date();
          values.periodEnd = dates.get(k + 1).date();
          return;
        }
      }
    }
  }

  private static String dominantCurrency(String text, List<Line> lines) {
    Map<String, Integer> counts = new HashMap<>();
    for (Line line : lines) {
      for (Money money : line.money()) {
        if (money.currency() != null) {
          counts.merge(money.currency(), 1, Integer::sum);
        }
      }
    }
    for (int i = 0; i + 3 <= text.length(); i++) {
      if (isCodeAt(text, i)) {
        counts.merge(text.substring(i, i + 3), 1, Integer::sum);
        i += 2;
      }
    }
    return counts.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .orElse(null);
  }

  /** Whether one of {@link #ISO_CODES} stands at {@code i} as a word of its own ({@code \\b}). */
  private static boolean isCodeAt(String text, int i) {
    return isCapital(text.charAt(i))
        && isCapital(text.charAt(i + 1))
        && isCapital(text.charAt(i + 2))
        && (i == 0 || !isWordCharacter(text.charAt(i - 1)))
        && (i + 3 == text.length() || !isWordCharacter(text.charAt(i + 3)))
        && ISO_CODES.contains(text.substring(i, i + 3));
  }

  private static boolean isCapital(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean isWordCharacter(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private static List<Transaction> transactions(
      List<Line> lines, Values values, boolean monthFirst) {
    Money opening = values.opening;
    List<Transaction> transactions = new ArrayList<>();
    BigDecimal balance = opening == null ? null : opening.value();
    boolean anyWrittenNegative = false;
    List<Integer> unsigned = new ArrayList<>();
    for (Line line : lines) {
      LocalDate date =
          line.dates().isEmpty()
              ? DateParser.dayAndMonth(
                  line.text(), monthFirst, values.periodStart, values.periodEnd)
              : line.dates().get(0).start() <= 2 ? line.dates().get(0).date() : null;
      if (date == null || line.hasLabel(AMOUNT_FIELDS) || line.money().isEmpty()) {
        continue;
      }
      List<Money> money = line.money();
      BigDecimal amount = money.get(0).value();
      boolean known = amount.signum() < 0;
      anyWrittenNegative |= known;
      if (money.size() >= 2) {
        BigDecimal printed = money.get(money.size() - 1).value();
        if (balance != null && !known) {
          if (close(balance.add(amount), printed)) {
            known = true;
          } else if (close(balance.subtract(amount), printed)) {
            amount = amount.negate();
            known = true;
          }
        }
        balance = printed;
      } else if (balance != null) {
        balance = balance.add(amount);
      }
      if (!known) {
        unsigned.add(transactions.size());
      }
      transactions.add(new Transaction(date, amount, known, line.number()));
    }
    if (anyWrittenNegative) {
      // Where debits carry a minus sign, an amount without one is a credit.
      for (int i : unsigned) {
        Transaction t = transactions.get(i);
        transactions.set(i, new Transaction(t.date(), t.amount(), true, t.line()));
      }
    }
    return transactions;
  }

  /** The line items, and whether other lines with amounts stand among them. */
  private record LineItems(List<BigDecimal> amounts, boolean otherAmountLines) {}

  private static LineItems lineItems(List<Line> lines) {
    List<BigDecimal> amounts = new ArrayList<>();
    int first = -1;
    int last = -1;
    for (int i = 0; i < lines.size(); i++) {
      BigDecimal item = lineItem(lines.get(i));
      if (item != null) {
        amounts.add(item);
        first = first < 0 ? i : first;
        last = i;
      }
    }
    boolean others = false;
    for (int i = first + 1; first >= 0 && i < last; i++) {
      Line line = lines.get(i);
      if (!line.money().isEmpty() && lineItem(line) == null) {
        others = true;
      }
    }
    return new LineItems(amounts, others);
  }

  static BigDecimal lineItem(Line line) {
    List<Money> money = line.money();
    if (money.size() < 2
        || line.hasLabel(AMOUNT_FIELDS)
        || (!line.dates().isEmpty() && line.dates().get(0).start() <= 2)) {
      return null;
    }
    BigDecimal amount = money.get(money.size() - 1).value();
    Money unit = money.get(money.size() - 2);
    BigDecimal quantity = null;
    if (money.size() >= 3) {
      quantity = money.get(money.size() - 3).value();
    }
    if (quantity != null && close(quantity.multiply(unit.value()), amount)) {
      return amount;
    }
    // A quantity is a number standing alone ("2 x", "Qty 3"), not part of a name ("A4", "27in").
    Matcher numbers = PLAIN_NUMBER.matcher(line.text().substring(0, unit.start()));
    while (numbers.find()) {
      BigDecimal candidate = MoneyParser.parseNumber(numbers.group());
      if (candidate != null
          && candidate.signum() > 0
          && close(candidate.multiply(unit.value()), amount)) {
        return amount;
      }
    }
    return null;
  }

  static boolean close(BigDecimal a, BigDecimal b) {
    return a.subtract(b).abs().compareTo(CENT) <= 0;
  }
}
