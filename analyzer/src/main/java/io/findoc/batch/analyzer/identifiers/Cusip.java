package io.findoc.batch.analyzer.identifiers;

import java.util.regex.Pattern;

/**
 * CUSIP, the nine-character North American security number: eight characters and a check digit (the
 * modulus-10 "double-add-double" over the values of the characters).
 */
public final class Cusip {

  private static final Pattern FORM = Pattern.compile("[0-9A-Z*@#]{8}\\d");

  private Cusip() {}

  public static boolean isValid(String cusip) {
    if (!FORM.matcher(cusip).matches()) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      int v = value(cusip.charAt(i));
      if (i % 2 == 1) {
        v *= 2;
      }
      sum += v / 10 + v % 10;
    }
    return (10 - sum % 10) % 10 == cusip.charAt(8) - '0';
  }

  private static int value(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'Z') {
      return c - 'A' + 10;
    }
    return switch (c) {
      case '*' -> 36;
      case '@' -> 37;
      default -> 38;
    };
  }
}
