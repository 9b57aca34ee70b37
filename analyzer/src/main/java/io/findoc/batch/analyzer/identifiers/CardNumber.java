package io.findoc.batch.analyzer.identifiers;

import java.util.regex.Pattern;

/** A payment card number: 13 to 19 digits, an issuer prefix of 2 to 6, and the Luhn check. */
public final class CardNumber {

  private static final Pattern FORM = Pattern.compile("[2-6]\\d{12,18}");

  private CardNumber() {}

  /** Whether {@code value} (spaces and dashes allowed) is a valid card number. */
  public static boolean isValid(String value) {
    String digits = value.replace(" ", "").replace("-", "");
    return FORM.matcher(digits).matches() && CheckDigits.luhn(digits);
  }
}
