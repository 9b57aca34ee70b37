package io.findoc.batch.analyzer.identifiers;

import java.util.regex.Pattern;

/**
 * International Securities Identification Number (ISO 6166): two letters, nine characters, and a
 * Luhn check digit over the characters with letters turned into numbers.
 */
public final class Isin {

  private static final Pattern FORM = Pattern.compile("[A-Z]{2}[A-Z0-9]{9}\\d");

  private Isin() {}

  public static boolean isValid(String isin) {
    if (!FORM.matcher(isin).matches()) {
      return false;
    }
    return CheckDigits.luhn(CheckDigits.lettersToDigits(isin));
  }
}
