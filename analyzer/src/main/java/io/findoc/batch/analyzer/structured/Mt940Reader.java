package io.findoc.batch.analyzer.structured;

import com.prowidesoftware.swift.model.SwiftBlock4;
import com.prowidesoftware.swift.model.Tag;
import com.prowidesoftware.swift.model.field.Field25;
import com.prowidesoftware.swift.model.field.Field61;
import com.prowidesoftware.swift.model.mt.mt9xx.MT940;
import io.findoc.batch.analyzer.AnalysisError;
import io.findoc.batch.analyzer.classify.DocumentType;
import io.findoc.batch.analyzer.fields.DocumentDetails.StatementEntry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a SWIFT MT940 customer statement with Prowide: account (:25:), opening (:60F:/:60M:) and
 * closing (:62F:/:62M:) balances, whose dates make the period, and each :61: entry with its :86:
 * information (the name in the German {@code ?32}/{@code ?33} subfields or after {@code /NAME/}). A
 * file of bare fields, as banks export them, is read as the text block of one message.
 */
final class Mt940Reader {

  private static final Pattern START = Pattern.compile("(?m)^:20:");
  private static final Pattern GERMAN_NAME = Pattern.compile("\\?3[23]([^?]*)");
  private static final Pattern SLASH_NAME = Pattern.compile("/NAME/([^/]+)");

  private Mt940Reader() {}

  /** Whether {@code text} looks like MT940: a :20: line, an opening and a closing balance. */
  static boolean accepts(String text) {
    return START.matcher(text).find()
        && (text.contains(":60F:") || text.contains(":60M:"))
        && (text.contains(":62F:") || text.contains(":62M:"));
  }

  static StructuredDocument read(String text) {
    String fin = text.replace("\r\n", "\n").strip();
    if (!fin.startsWith("{")) {
      int start = fin.indexOf(":20:");
      fin = "{1:F01XXXXXXXXAXXX0000000000}{2:O940XXXXXXXXXXXXN}{4:\n" + fin.substring(start);
      fin = fin.endsWith("-") ? fin + "}" : fin + "\n-}";
    }
    SwiftBlock4 block;
    try {
      MT940 mt = MT940.parse(fin);
      block = mt == null || mt.getSwiftMessage() == null ? null : mt.getSwiftMessage().getBlock4();
    } catch (RuntimeException e) {
      throw AnalysisError.STRUCTURED_INVALID.exception("the MT940 statement cannot be read: " + e);
    }
    if (block == null || block.getTagByName("60F") == null && block.getTagByName("60M") == null) {
      throw AnalysisError.STRUCTURED_INVALID.exception(
          "the MT940 statement has no opening balance");
    }
    FieldsBuilder b = new FieldsBuilder();
    Tag account = block.getTagByName("25");
    b.account = account == null ? null : new Field25(account.getValue()).getAccount();
    StatementEntry pending = null;
    Field61 pendingField = null;
    for (Tag tag : block.getTags()) {
      switch (tag.getName()) {
        case "60F", "60M" -> {
          if (b.opening == null) {
            Balance opening = Balance.of(tag.getValue());
            b.opening = opening.amount();
            b.currency = opening.currency();
            b.periodStart = opening.date();
          }
        }
        case "62F", "62M" -> {
          Balance closing = Balance.of(tag.getValue());
          b.closing = closing.amount();
          b.periodEnd = closing.date();
        }
        case "61" -> {
          if (pending != null) {
            b.entries.add(pending);
          }
          pendingField = new Field61(tag.getValue());
          pending = entry(pendingField, null);
        }
        case "86" -> {
          if (pending != null && pending.counterparty() == null) {
            pending = entry(pendingField, name(tag.getValue()));
          }
        }
        default -> {}
      }
    }
    if (pending != null) {
      b.entries.add(pending);
    }
    b.documentDate = b.periodEnd;
    return new StructuredDocument("mt940", DocumentType.BANK_STATEMENT, b.fields(), b.details());
  }

  private static StatementEntry entry(Field61 field, String counterparty) {
    BigDecimal amount = field.getAmountAsBigDecimal();
    if (amount == null) {
      throw AnalysisError.STRUCTURED_INVALID.exception(
          "an MT940 :61: line has no amount: " + field.getValue());
    }
    String mark = field.getDebitCreditMark();
    // D debit, C credit; RC reverses a credit (money leaves), RD a debit (money comes back).
    boolean debit = "D".equals(mark) || "RC".equals(mark);
    String reference = field.getReferenceForTheAccountOwner();
    if (reference == null || reference.isBlank() || "NONREF".equals(reference)) {
      reference = field.getReferenceOfTheAccountServicingInstitution();
    }
    return new StatementEntry(
        yyMMdd(field.getValueDate()),
        debit ? amount.negate() : amount,
        reference == null || reference.isBlank() ? null : reference,
        counterparty);
  }

  private static String name(String information) {
    String flat = information.replace("\n", "");
    Matcher german = GERMAN_NAME.matcher(flat);
    StringBuilder name = new StringBuilder();
    while (german.find()) {
      name.append(german.group(1));
    }
    if (!name.isEmpty()) {
      return name.toString().strip();
    }
    Matcher slash = SLASH_NAME.matcher(flat);
    return slash.find() ? slash.group(1).strip() : null;
  }

  static LocalDate yyMMdd(String value) {
    if (value == null || value.length() != 6 || !value.chars().allMatch(Character::isDigit)) {
      return null;
    }
    return LocalDate.of(
        2000 + Integer.parseInt(value.substring(0, 2)),
        Integer.parseInt(value.substring(2, 4)),
        Integer.parseInt(value.substring(4, 6)));
  }

  /** A balance field: D/C mark, YYMMDD, currency, amount with a decimal comma. */
  private record Balance(BigDecimal amount, String currency, LocalDate date) {

    static Balance of(String value) {
      String v = value.strip();
      if (v.length() < 11) {
        throw AnalysisError.STRUCTURED_INVALID.exception("an MT940 balance is too short: " + value);
      }
      boolean debit = v.charAt(0) == 'D';
      LocalDate date = yyMMdd(v.substring(1, 7));
      String currency = v.substring(7, 10);
      BigDecimal amount;
      try {
        amount = new BigDecimal(v.substring(10).replace(',', '.'));
      } catch (NumberFormatException e) {
        throw AnalysisError.STRUCTURED_INVALID.exception(
            "an MT940 balance has no amount: " + value);
      }
      return new Balance(debit ? amount.negate() : amount, currency, date);
    }
  }
}
