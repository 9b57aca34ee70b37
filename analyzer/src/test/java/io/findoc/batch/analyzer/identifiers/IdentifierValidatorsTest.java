package io.findoc.batch.analyzer.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Published examples of each identifier, and the same with one character changed. */
class IdentifierValidatorsTest {

  @Test
  void ibanChecksumAcceptsPublishedExamplesAndRejectsAChangedDigit() {
    assertThat(Iban.isValid("GB82WEST12345698765432")).isTrue();
    assertThat(Iban.isValid("GB82 WEST 1234 5698 7654 32")).isTrue();
    assertThat(Iban.isValid("DE89370400440532013000")).isTrue();
    assertThat(Iban.isValid("FR1420041010050500013M02606")).isTrue();
    assertThat(Iban.isValid("NL91ABNA0417164300")).isTrue();
    assertThat(Iban.isValid("GB82WEST12345698765433")).isFalse();
    assertThat(Iban.isValid("DE89370400440532013001")).isFalse();
    assertThat(Iban.isValid("GB82WEST1234569876543")).as("wrong length for GB").isFalse();
  }

  @Test
  void isinLuhnOverLettersAcceptsPublishedExamplesAndRejectsAChangedCheckDigit() {
    assertThat(Isin.isValid("US0378331005")).isTrue();
    assertThat(Isin.isValid("DE0007164600")).isTrue();
    assertThat(Isin.isValid("GB0002634946")).isTrue();
    assertThat(Isin.isValid("US0378331006")).isFalse();
    assertThat(Isin.isValid("US037833100")).isFalse();
  }

  @Test
  void cusipCheckDigitAcceptsPublishedExamplesAndRejectsAChangedOne() {
    assertThat(Cusip.isValid("037833100")).isTrue();
    assertThat(Cusip.isValid("38259P508")).isTrue();
    assertThat(Cusip.isValid("594918104")).isTrue();
    assertThat(Cusip.isValid("037833101")).isFalse();
    assertThat(Cusip.isValid("38259P509")).isFalse();
  }

  @Test
  void leiMod97AcceptsPublishedExamplesAndRejectsAChangedCharacter() {
    assertThat(Lei.isValid("5493001KJTIIGC8Y1R12")).isTrue();
    assertThat(Lei.isValid("7ZW8QJWVPR4P1J1KQY45")).isTrue();
    assertThat(Lei.isValid("5493001KJTIIGC8Y1R13")).isFalse();
    assertThat(Lei.isValid("5493001KJTIIGC8Y1R1")).isFalse();
  }

  @Test
  void bicFormatNeedsAKnownCountry() {
    assertThat(Bic.isValid("DEUTDEFF")).isTrue();
    assertThat(Bic.isValid("DEUTDEFF500")).isTrue();
    assertThat(Bic.isValid("NWBKGB2L")).isTrue();
    assertThat(Bic.isValid("DEUTXXFF")).as("no country XX").isFalse();
    assertThat(Bic.isValid("DEUTDEF")).isFalse();
    assertThat(Bic.isValid("DEU1DEFF")).isFalse();
  }

  @Test
  void cardNumberLuhnAcceptsTestCardsAndRejectsAChangedDigit() {
    assertThat(CardNumber.isValid("4111 1111 1111 1111")).isTrue();
    assertThat(CardNumber.isValid("5500-0000-0000-0004")).isTrue();
    assertThat(CardNumber.isValid("378282246310005")).isTrue();
    assertThat(CardNumber.isValid("4111111111111112")).isFalse();
  }
}
