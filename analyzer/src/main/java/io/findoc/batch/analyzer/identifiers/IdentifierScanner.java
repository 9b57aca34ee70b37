package io.findoc.batch.analyzer.identifiers;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds identifiers in text, line by line, and keeps those whose check digits hold; an IBAN on a
 * line labelled "IBAN" is reported even when its checksum fails (with {@code valid: false}), since
 * a mistyped account number is worth a finding. CUSIPs of digits only are taken only on a line that
 * says "CUSIP" (any nine digits pass the check one time in ten), BICs only on a line that says
 * "BIC" or "SWIFT", account numbers only after an account-number label. Each span of text belongs
 * to one identifier: IBANs are read first, so their digits never pass for a card number.
 *
 * <p>With {@code mask}, card numbers, account numbers and IBANs keep only their last four
 * characters (IBANs also their country and check digits).
 */
public final class IdentifierScanner {

  private static final Pattern IBAN =
      Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\\b");
  private static final Pattern ISIN = Pattern.compile("\\b[A-Z]{2}[A-Z0-9]{9}\\d\\b");
  private static final Pattern LEI = Pattern.compile("\\b[A-Z0-9]{18}\\d{2}\\b");
  private static final Pattern CUSIP = Pattern.compile("\\b[0-9]{3}[0-9A-Z]{5}[0-9]\\b");
  private static final Pattern BIC = Pattern.compile("\\b[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?\\b");
  private static final Pattern CARD = Pattern.compile("(?<![\\d-])\\d(?:[ -]?\\d){12,18}(?![\\d])");
  private static final Pattern ACCOUNT =
      Pattern.compile(
          "(?:account (?:number|no\\.?|#)|acct\\.? (?:no\\.?|#)|kontonummer|konto-nr\\.?|numéro de"
              + " compte|n° de compte|rekeningnummer)\\s*:?\\s*([0-9][0-9 -]{3,22}[0-9])",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private final boolean mask;

  public IdentifierScanner(boolean mask) {
    this.mask = mask;
  }

  public List<Identifier> scan(String text) {
    Set<Identifier> found = new LinkedHashSet<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      scanLine(new StringBuilder(lines[i]), i + 1, found);
    }
    return new ArrayList<>(found);
  }

  private void scanLine(StringBuilder line, int number, Set<Identifier> found) {
    // Each form is tried only where the line could hold it: most lines hold no identifier.
    int run = longestRunOfCapitalsAndDigits(line);
    int digits = digits(line);
    String lower = line.toString().toLowerCase(Locale.ROOT);
    boolean bicLabel = lower.contains("bic") || lower.contains("swift");
    if (run < 4 && digits < 2) {
      return;
    }
    boolean ibanLabel = lower.contains("iban");
    Matcher m = IBAN.matcher(line);
    List<int[]> claimed = new ArrayList<>();
    while (hasIbanStart(line) && m.find()) {
      String iban = longestValidIban(m.group().replace(" ", ""));
      if (iban != null) {
        found.add(new Identifier("IBAN", maskIban(iban), true, mask, number));
        claimed.add(new int[] {m.start(), m.end()});
      } else if (ibanLabel && m.group().replace(" ", "").length() >= 15) {
        String raw = m.group().replace(" ", "");
        found.add(new Identifier("IBAN", maskIban(raw), false, mask, number));
        claimed.add(new int[] {m.start(), m.end()});
      }
    }
    blank(line, claimed);
    claimed.clear();
    m = ISIN.matcher(line);
    while (run >= 12 && m.find()) {
      if (Isin.isValid(m.group())) {
        found.add(new Identifier("ISIN", m.group(), true, false, number));
        claimed.add(new int[] {m.start(), m.end()});
      }
    }
    m = LEI.matcher(line);
    while (run >= 20 && m.find()) {
      if (Lei.isValid(m.group())) {
        found.add(new Identifier("LEI", m.group(), true, false, number));
        claimed.add(new int[] {m.start(), m.end()});
      }
    }
    blank(line, claimed);
    claimed.clear();
    boolean cusipLabel = lower.contains("cusip");
    m = CUSIP.matcher(line);
    while (run >= 9 && m.find()) {
      boolean plausible = cusipLabel || m.group().chars().anyMatch(Character::isLetter);
      if (plausible && Cusip.isValid(m.group())) {
        found.add(new Identifier("CUSIP", m.group(), true, false, number));
        claimed.add(new int[] {m.start(), m.end()});
      }
    }
    blank(line, claimed);
    if (bicLabel && run >= 8) {
      m = BIC.matcher(line);
      while (m.find()) {
        if (Bic.isValid(m.group())) {
          found.add(new Identifier("BIC", m.group(), true, false, number));
        }
      }
    }
    claimed.clear();
    m = ACCOUNT.matcher(line);
    while (digits >= 2 && hasAccountLabel(lower) && m.find()) {
      String account = m.group(1).replace(" ", "").replace("-", "");
      found.add(new Identifier("ACCOUNT", maskTail(account), true, mask, number));
      claimed.add(new int[] {m.start(1), m.end(1)});
    }
    blank(line, claimed);
    m = CARD.matcher(line);
    while (digits >= 13 && m.find()) {
      if (CardNumber.isValid(m.group())) {
        found.add(
            new Identifier(
                "CARD", maskTail(m.group().replace(" ", "").replace("-", "")), true, mask, number));
      }
    }
  }

  /** The candidate, or the longest prefix of it of its country's length, if a valid IBAN. */
  private static String longestValidIban(String candidate) {
    Integer length = Iban.LENGTHS.get(candidate.substring(0, 2));
    if (length != null) {
      return candidate.length() >= length && Iban.isValid(candidate.substring(0, length))
          ? candidate.substring(0, length)
          : null;
    }
    for (int end = candidate.length(); end >= 15; end--) {
      if (Iban.isValid(candidate.substring(0, end))) {
        return candidate.substring(0, end);
      }
    }
    return null;
  }

  /**
   * An account identifier found outside the text (an IBAN or account number from a structured
   * format), masked as this scanner masks: an IBAN keeps country, check digits and last four,
   * anything else its last four characters. Null stays null.
   */
  public String maskAccount(String account) {
    if (account == null) {
      return null;
    }
    String compact = account.replace(" ", "");
    return hasIbanStart(compact) && compact.length() > 8 ? maskIban(compact) : maskTail(compact);
  }

  private String maskIban(String iban) {
    if (!mask || iban.length() <= 8) {
      return iban;
    }
    return iban.substring(0, 4) + "*".repeat(iban.length() - 8) + iban.substring(iban.length() - 4);
  }

  private String maskTail(String digits) {
    if (!mask || digits.length() <= 4) {
      return digits;
    }
    return "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4);
  }

  /** Whether two capitals and two digits stand together, as an IBAN's country and check do. */
  private static boolean hasIbanStart(CharSequence line) {
    for (int i = 0; i + 3 < line.length(); i++) {
      if (isCapital(line.charAt(i))
          && isCapital(line.charAt(i + 1))
          && isDigit(line.charAt(i + 2))
          && isDigit(line.charAt(i + 3))) {
        return true;
      }
    }
    return false;
  }

  /** Whether a word every account-number label contains stands in the (lower-case) line. */
  private static boolean hasAccountLabel(String lower) {
    return lower.contains("account")
        || lower.contains("acct")
        || lower.contains("konto")
        || lower.contains("compte")
        || lower.contains("rekeningnummer");
  }

  private static boolean isCapital(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int digits(CharSequence line) {
    int digits = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      digits += c >= '0' && c <= '9' ? 1 : 0;
    }
    return digits;
  }

  /** The longest run of {@code [A-Z0-9]}: every form but the card and account number is one. */
  private static int longestRunOfCapitalsAndDigits(CharSequence line) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      run = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return longest;
  }

  private static void blank(StringBuilder line, List<int[]> spans) {
    for (int[] span : spans) {
      for (int c = span[0]; c < span[1]; c++) {
        line.setCharAt(c, ' ');
      }
    }
  }
}
