package io.findoc.batch.analyzer.identifiers;

import java.util.Map;
import java.util.regex.Pattern;

/** International Bank Account Number (ISO 13616): country, two check digits, mod 97 = 1. */
public final class Iban {

  /** Lengths by country, for the countries whose IBANs European documents mostly carry. */
  static final Map<String, Integer> LENGTHS =
      Map.ofEntries(
          Map.entry("AD", 24),
          Map.entry("AT", 20),
          Map.entry("BE", 16),
          Map.entry("BG", 22),
          Map.entry("CH", 21),
          Map.entry("CY", 28),
          Map.entry("CZ", 24),
          Map.entry("DE", 22),
          Map.entry("DK", 18),
          Map.entry("EE", 20),
          Map.entry("ES", 24),
          Map.entry("FI", 18),
          Map.entry("FR", 27),
          Map.entry("GB", 22),
          Map.entry("GR", 27),
          Map.entry("HR", 21),
          Map.entry("HU", 28),
          Map.entry("IE", 22),
          Map.entry("IS", 26),
          Map.entry("IT", 27),
          Map.entry("LI", 21),
          Map.entry("LT", 20),
          Map.entry("LU", 20),
          Map.entry("LV", 21),
          Map.entry("MC", 27),
          Map.entry("MT", 31),
          Map.entry("NL", 18),
          Map.entry("NO", 15),
          Map.entry("PL", 28),
          Map.entry("PT", 25),
          Map.entry("RO", 24),
          Map.entry("SE", 24),
          Map.entry("SI", 19),
          Map.entry("SK", 24),
          Map.entry("SM", 27));

  private static final Pattern FORM = Pattern.compile("[A-Z]{2}\\d{2}[A-Z0-9]{11,30}");

  private Iban() {}

  /** Whether {@code value} (spaces allowed) is a valid IBAN. */
  public static boolean isValid(String value) {
    String iban = value.replace(" ", "");
    if (!FORM.matcher(iban).matches()) {
      return false;
    }
    Integer length = LENGTHS.get(iban.substring(0, 2));
    if (length != null && length != iban.length()) {
      return false;
    }
    return CheckDigits.mod97IsOne(iban.substring(4) + iban.substring(0, 4));
  }
}
