package io.findoc.batch.analyzer.identifiers;

import java.math.BigInteger;

/** The check-digit arithmetic the identifier standards share. */
final class CheckDigits {

  private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

  private CheckDigits() {}

  /** Letters as numbers, A = 10 ... Z = 35, digits as themselves; null if another character. */
  static String lettersToDigits(String value) {
    StringBuilder digits = new StringBuilder(value.length() * 2);
    for (char c : value.toCharArray()) {
      if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if (c >= 'A' && c <= 'Z') {
        digits.append(c - 'A' + 10);
      } else {
        return null;
      }
    }
    return digits.toString();
  }

  /** ISO 7064 MOD 97-10: whether the number the characters spell leaves remainder 1. */
  static boolean mod97IsOne(String value) {
    String digits = lettersToDigits(value);
    return digits != null && new BigInteger(digits).mod(NINETY_SEVEN).intValue() == 1;
  }

  /** The Luhn check over a string of digits, the last being the check digit. */
  static boolean luhn(String digits) {
    int sum = 0;
    boolean twice = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return false;
      }
      if (twice) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      twice = !twice;
    }
    return sum % 10 == 0;
  }
}
