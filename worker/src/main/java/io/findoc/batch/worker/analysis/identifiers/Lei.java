package io.findoc.batch.worker.analysis.identifiers;

/** Legal Entity Identifier (ISO 17442): 18 characters and two check digits, mod 97 = 1. */
public final class Lei {

  private Lei() {}

  public static boolean isValid(String lei) {
    return lei.matches("[A-Z0-9]{18}\\d{2}") && CheckDigits.mod97IsOne(lei);
  }
}
