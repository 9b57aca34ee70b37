package io.findoc.batch.analyzer.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IdentifierScannerTest {

  private static final String TEXT =
      """
      IBAN: GB82 WEST 1234 5698 7654 32   BIC: NWBKGB2L
      Security: Apple Inc. ISIN US0378331005 CUSIP 037833100
      Counterparty LEI 5493001KJTIIGC8Y1R12
      Paid with card 4111 1111 1111 1111
      Account number: 12345678
      IBAN DE89 3704 0044 0532 0130 01
      """;

  @Test
  void findsValidIdentifiersAndMasksCardsAccountsAndIbansByDefault() {
    List<Identifier> found = new IdentifierScanner(true).scan(TEXT);

    assertThat(found)
        .extracting(Identifier::kind, Identifier::value, Identifier::valid)
        .contains(
            org.assertj.core.groups.Tuple.tuple("IBAN", "GB82**************5432", true),
            org.assertj.core.groups.Tuple.tuple("BIC", "NWBKGB2L", true),
            org.assertj.core.groups.Tuple.tuple("ISIN", "US0378331005", true),
            org.assertj.core.groups.Tuple.tuple("CUSIP", "037833100", true),
            org.assertj.core.groups.Tuple.tuple("LEI", "5493001KJTIIGC8Y1R12", true),
            org.assertj.core.groups.Tuple.tuple("CARD", "************1111", true),
            org.assertj.core.groups.Tuple.tuple("ACCOUNT", "****5678", true),
            org.assertj.core.groups.Tuple.tuple("IBAN", "DE89**************3001", false));
    assertThat(found).noneMatch(id -> id.value().contains("4111 1111"));
  }

  @Test
  void masksNothingWhenAskedNotTo() {
    List<Identifier> found = new IdentifierScanner(false).scan(TEXT);

    assertThat(found)
        .extracting(Identifier::value)
        .contains("GB82WEST12345698765432", "4111111111111111", "12345678");
  }
}
