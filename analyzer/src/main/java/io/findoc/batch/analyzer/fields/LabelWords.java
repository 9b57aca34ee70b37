package io.findoc.batch.analyzer.fields;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a label word by word, where {@link Labels} knows labels only as whole phrases: the words of
 * a cell are normalised (case, punctuation, abbreviations such as {@code b/f}, {@code amt}, {@code
 * inv}, {@code no.}, plurals) and the label's field follows from which kinds of word it holds (a
 * tax word with "excluding" is a subtotal, with "including" a total; a balance word with an opening
 * word is the opening balance; "pay" with "by" is a due date). The words are the common vocabulary
 * of invoices, receipts, bank statements and trade confirmations in English, not any template's
 * phrases; a cell that holds no such combination is no label, so descriptions ("Card payment 1234")
 * and names stay values. Stateless and thread-safe.
 */
final class LabelWords {

  /** At most this many words make a label; a longer cell is a sentence or a description. */
  static final int MAX_WORDS = 8;

  private static final Map<String, String> ABBREVIATIONS =
      Map.ofEntries(
          Map.entry("b/f", "brought forward"),
          Map.entry("b/fwd", "brought forward"),
          Map.entry("bfwd", "brought forward"),
          Map.entry("c/f", "carried forward"),
          Map.entry("c/fwd", "carried forward"),
          Map.entry("cfwd", "carried forward"),
          Map.entry("bal", "balance"),
          Map.entry("amt", "amount"),
          Map.entry("inv", "invoice"),
          Map.entry("no", "number"),
          Map.entry("nr", "number"),
          Map.entry("nbr", "number"),
          Map.entry("num", "number"),
          Map.entry("#", "number"),
          Map.entry("ref", "reference"),
          Map.entry("qty", "quantity"),
          Map.entry("stmt", "statement"),
          Map.entry("acct", "account"),
          Map.entry("a/c", "account"),
          Map.entry("pmt", "payment"),
          Map.entry("pymt", "payment"),
          Map.entry("dt", "date"),
          Map.entry("incl", "including"),
          Map.entry("inc", "including"),
          Map.entry("excl", "excluding"),
          Map.entry("ex", "excluding"),
          Map.entry("w/o", "without"),
          Map.entry("tot", "total"),
          Map.entry("ttl", "total"),
          Map.entry("fwd", "forward"),
          Map.entry("sett", "settlement"),
          Map.entry("stl", "settlement"),
          Map.entry("stlmt", "settlement"),
          Map.entry("txn", "transaction"),
          Map.entry("exec", "execution"),
          Map.entry("pre-tax", "before tax"),
          Map.entry("pretax", "before tax"),
          Map.entry("sub-total", "subtotal"),
          Map.entry("subtot", "subtotal"),
          Map.entry("attn", "attention"),
          Map.entry("opening", "open"),
          Map.entry("closing", "close"),
          Map.entry("ending", "end"),
          Map.entry("beginning", "begin"),
          Map.entry("starting", "start"),
          Map.entry("dated", "date"),
          Map.entry("issued", "issue"),
          Map.entry("settled", "settlement"),
          Map.entry("settles", "settlement"),
          Map.entry("settle", "settlement"),
          Map.entry("payable", "pay"),
          Map.entry("paid", "pay"),
          Map.entry("payment", "pay"),
          Map.entry("remit", "pay"),
          Map.entry("remittance", "pay"),
          Map.entry("billed", "bill"),
          Map.entry("invoiced", "invoice"),
          Map.entry("charged", "charge"),
          Map.entry("executed", "execution"),
          Map.entry("traded", "trade"));

  private static final Set<String> TAX =
      Set.of(
          "tax", "vat", "gst", "hst", "pst", "qst", "mwst", "ust", "tva", "btw", "iva", "moms",
          "duty");
  private static final Set<String> EXCLUDING =
      Set.of("excluding", "before", "without", "net", "pre", "less");
  private static final Set<String> INCLUDING = Set.of("including", "with", "gross", "plus");
  private static final Set<String> SUM =
      Set.of("total", "sum", "amount", "grand", "balance", "consideration", "proceeds");
  private static final Set<String> OWED = Set.of("due", "pay", "owing", "outstanding", "owe");
  private static final Set<String> WHEN =
      Set.of("date", "by", "before", "on", "until", "deadline", "latest", "day");
  private static final Set<String> BALANCE = Set.of("balance", "saldo", "position");
  private static final Set<String> OPENING =
      Set.of("open", "previous", "prior", "begin", "start", "initial", "old", "brought", "last");
  private static final Set<String> CLOSING =
      Set.of("close", "new", "end", "final", "carried", "current", "available", "ledger");
  private static final Set<String> IDENTITY =
      Set.of("number", "reference", "id", "identifier", "registration", "reg", "code");
  private static final Set<String> DOCUMENT =
      Set.of("invoice", "bill", "document", "receipt", "voucher", "folio");
  private static final Set<String> PARTY =
      Set.of("customer", "client", "buyer", "recipient", "addressee", "attention", "consignee");
  private static final Set<String> ADDRESSED = Set.of("bill", "invoice", "sold", "charge");
  private static final Set<String> TRADE_DAY =
      Set.of("trade", "execution", "transaction", "deal", "booking", "contract", "order");
  private static final Set<String> MADE =
      Set.of("issue", "print", "printed", "produced", "prepared", "created", "generated");
  private static final Set<String> SETTLEMENT = Set.of("settlement", "value", "delivery");
  private static final Set<String> NET_WORTH =
      Set.of("amount", "total", "proceeds", "consideration", "value", "sum", "due", "pay");
  private static final Set<String> FEES =
      Set.of(
          "fee", "commission", "charge", "brokerage", "stamp", "levy", "costs", "cost", "expense");
  private static final Set<String> CREDIT_WORDS =
      Set.of("credits", "deposits", "receipts", "incoming");
  private static final Set<String> DEBIT_WORDS =
      Set.of("debits", "withdrawals", "payments", "outgoing");

  /** Words that stand in labels without deciding their field. */
  private static final Set<String> FILLER =
      Set.of(
          "to",
          "of",
          "the",
          "for",
          "by",
          "on",
          "at",
          "as",
          "in",
          "please",
          "your",
          "our",
          "this",
          "statement",
          "account",
          "date",
          "amount",
          "forward",
          "and",
          "from",
          "tax",
          "rate");

  private LabelWords() {}

  /**
   * The labels of a line found word by word: the line is cut into cells at column breaks (a run of
   * three spaces) and at values (its dates and amounts, and tokens holding a digit); each cell
   * whose words name a field becomes one label, from its start to its last label word, and stands
   * in for the phrase labels inside it. Phrase labels in cells the words do not decide stay.
   */
  static List<Labels.Found> find(
      String line, List<Labels.Found> phrases, List<FoundDate> dates, List<Money> money) {
    boolean[] value = new boolean[line.length() + 1];
    for (FoundDate date : dates) {
      for (int i = date.start(); i < date.end(); i++) {
        value[i] = true;
      }
    }
    for (Money m : money) {
      // an amount runs from its start over its digits, separators and currency
      int i = m.start();
      while (i < line.length() && !Character.isDigit(line.charAt(i))) {
        value[i++] = true;
      }
      while (i < line.length()
          && (Character.isDigit(line.charAt(i)) || ".,' ".indexOf(line.charAt(i)) >= 0)) {
        value[i++] = true;
      }
    }
    List<Labels.Found> found = new java.util.ArrayList<>();
    int i = 0;
    int n = line.length();
    while (i < n) {
      // a cell: up to a column break, a value, or a token with a digit
      while (i < n && (line.charAt(i) == ' ' || value[i])) {
        i++;
      }
      int start = i;
      int lastWordEnd = -1;
      while (i < n && !value[i] && !line.startsWith("   ", i)) {
        int tokenStart = i;
        while (i < n && line.charAt(i) != ' ' && !value[i]) {
          i++;
        }
        String token = line.substring(tokenStart, i);
        if (token.chars().anyMatch(Character::isDigit)) {
          break;
        }
        if (isLabelWord(token)) {
          lastWordEnd = i;
        }
        if (token.endsWith(":") || token.equals(":")) {
          // a colon ends the label: what follows is its value
          lastWordEnd = lastWordEnd > start ? i : lastWordEnd;
          break;
        }
        if (i < n && line.charAt(i) == ' ' && !line.startsWith("   ", i)) {
          i++;
        }
      }
      int end = i;
      while (i < n && line.charAt(i) != ' ' && !value[i]) {
        i++; // the rest of a token with a digit
      }
      if (end > start && lastWordEnd > start) {
        Field field = classify(line.substring(start, end));
        int from0 = start;
        int to0 = end;
        boolean curated =
            phrases.stream()
                .anyMatch(
                    p -> p.field() == Field.NOT_A_FIELD && p.start() >= from0 && p.end() <= to0);
        if (field != null && !curated) {
          int from = start;
          int to = end;
          phrases = phrases.stream().filter(p -> p.end() <= from || p.start() >= to).toList();
          found.add(new Labels.Found(field, start, lastWordEnd, true));
        }
      }
      if (i == start) {
        i++;
      }
    }
    if (found.isEmpty()) {
      return phrases;
    }
    found.addAll(phrases);
    found.sort(java.util.Comparator.comparingInt(Labels.Found::start));
    return found;
  }

  /** Whether a token is one of the words labels are made of. */
  static boolean isLabelWord(String token) {
    for (String word : words(token)) {
      if (isKnown(word)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a normalised word is one of the kinds above, or a filler of labels. */
  private static boolean isKnown(String word) {
    return FILLER.contains(word)
        || TAX.contains(word)
        || EXCLUDING.contains(word)
        || INCLUDING.contains(word)
        || SUM.contains(word)
        || OWED.contains(word)
        || WHEN.contains(word)
        || BALANCE.contains(word)
        || OPENING.contains(word)
        || CLOSING.contains(word)
        || IDENTITY.contains(word)
        || DOCUMENT.contains(word)
        || PARTY.contains(word)
        || ADDRESSED.contains(word)
        || TRADE_DAY.contains(word)
        || MADE.contains(word)
        || SETTLEMENT.contains(word)
        || NET_WORTH.contains(word)
        || FEES.contains(word)
        || CREDIT_WORDS.contains(word)
        || DEBIT_WORDS.contains(word)
        || word.equals("subtotal")
        || word.equals("period")
        || word.equals("covering")
        || word.equals("brought")
        || word.equals("carried");
  }

  /** The field a label cell names, or null if its words make no label. */
  static Field classify(String cell) {
    List<String> words = words(cell);
    if (words.isEmpty() || words.size() > MAX_WORDS) {
      return null;
    }
    Set<String> w = new HashSet<>(words);
    boolean tax = containsAny(w, TAX);
    if (tax && containsAny(w, IDENTITY)) {
      return Field.NOT_A_FIELD;
    }
    if (containsAny(w, FEES) && !w.contains("total") && !containsAny(w, OWED)) {
      return Field.NOT_A_FIELD;
    }
    if (containsAny(w, DOCUMENT) && containsAny(w, IDENTITY)) {
      return Field.INVOICE_NUMBER;
    }
    if (containsAny(w, PARTY) || (containsAny(w, ADDRESSED) && w.contains("to"))) {
      return containsAny(w, IDENTITY) || w.contains("account")
          ? Field.NOT_A_FIELD
          : Field.COUNTERPARTY;
    }
    if (w.contains("subtotal")
        || (tax && containsAny(w, EXCLUDING))
        || (containsAny(w, SUM) && w.contains("excluding"))) {
      return Field.SUBTOTAL;
    }
    if (w.contains("net") && containsAny(w, NET_WORTH)) {
      return Field.NET_AMOUNT;
    }
    if (tax && containsAny(w, INCLUDING)) {
      return Field.TOTAL;
    }
    if (containsAny(w, OWED) && containsAny(w, WHEN) && !containsAny(w, SUM)) {
      return Field.DUE_DATE;
    }
    if (containsAny(w, SETTLEMENT) && (w.contains("date") || w.contains("on"))) {
      return Field.DUE_DATE;
    }
    if (containsAny(w, SUM) && containsAny(w, OWED)) {
      return Field.TOTAL;
    }
    if (w.contains("settlement") && containsAny(w, NET_WORTH)) {
      return Field.TOTAL;
    }
    if (w.contains("total") && containsAny(w, CREDIT_WORDS)) {
      return Field.CREDITS;
    }
    if (w.contains("total") && containsAny(w, DEBIT_WORDS)) {
      return Field.DEBITS;
    }
    boolean balance = containsAny(w, BALANCE) || w.contains("brought") || w.contains("carried");
    if (balance && (w.contains("brought") || (containsAny(w, OPENING) && !w.contains("carried")))) {
      return Field.OPENING_BALANCE;
    }
    if (balance && (w.contains("carried") || containsAny(w, CLOSING))) {
      return Field.CLOSING_BALANCE;
    }
    if (tax) {
      return Field.TAX;
    }
    if (w.contains("grand") || (w.contains("total") && words.size() <= 3)) {
      return Field.TOTAL;
    }
    if (w.contains("due") && words.size() <= 2) {
      return Field.DUE_DATE;
    }
    if (w.contains("period") || w.contains("covering")) {
      return Field.PERIOD;
    }
    if (containsAny(w, TRADE_DAY) && containsAny(w, WHEN)) {
      return Field.DOCUMENT_DATE;
    }
    if (containsAny(w, MADE) && (w.contains("date") || w.contains("on"))) {
      return Field.DOCUMENT_DATE;
    }
    if (w.contains("date")) {
      return Field.DOCUMENT_DATE;
    }
    return null;
  }

  /** The cell's words, lower case, without punctuation, abbreviations written out. */
  static List<String> words(String cell) {
    List<String> words = new java.util.ArrayList<>();
    for (String raw : cell.toLowerCase(Locale.ROOT).split("[\\s()\\[\\]:;,|@%*]+")) {
      String token = trim(raw);
      if (token.isEmpty() || token.chars().anyMatch(Character::isDigit)) {
        continue;
      }
      String expanded = ABBREVIATIONS.get(token);
      if (expanded == null && isKnown(token)) {
        expanded = token;
      } else if (expanded == null) {
        expanded = singular(token);
        expanded = ABBREVIATIONS.getOrDefault(expanded, expanded);
      }
      for (String word : expanded.split(" ")) {
        words.add(word);
      }
    }
    return words;
  }

  /** The token without dots, quotes and dashes around it ("no.", "'s", "-"). */
  private static String trim(String token) {
    int from = 0;
    int to = token.length();
    while (from < to && ".'\"-–—".indexOf(token.charAt(from)) >= 0) {
      from++;
    }
    while (to > from && ".'\"-–—".indexOf(token.charAt(to - 1)) >= 0) {
      to--;
    }
    String t = token.substring(from, to);
    return t.endsWith("'s") ? t.substring(0, t.length() - 2) : t;
  }

  /** A plural's singular for the kinds of word above ("fees", "charges"), others as they are. */
  private static String singular(String token) {
    if (CREDIT_WORDS.contains(token) || DEBIT_WORDS.contains(token) || token.length() <= 3) {
      return token;
    }
    if (token.endsWith("s") && !token.endsWith("ss")) {
      return token.substring(0, token.length() - 1);
    }
    return token;
  }

  private static boolean containsAny(Set<String> words, Set<String> kind) {
    for (String word : words) {
      if (kind.contains(word)) {
        return true;
      }
    }
    return false;
  }
}
