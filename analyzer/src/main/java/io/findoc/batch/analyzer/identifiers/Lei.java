package io.findoc.batch.analyzer.identifiers;

import java.util.regex.Pattern;

/** Legal Entity Identifier (ISO 17442): 18 characters and two check digits, mod 97 = 1. */
public final class Lei {

  private static final Pattern FORM = Pattern.compile("[A-Z0-9]{18}\\d{2}");

  private Lei() {}

  public static boolean isValid(String lei) {
    return FORM.matcher(lei).matches() && CheckDigits.mod97IsOne(lei);
  }
}
