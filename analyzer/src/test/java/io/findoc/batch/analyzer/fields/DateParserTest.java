package io.findoc.batch.analyzer.fields;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DateParserTest {

  private static LocalDate only(String line, boolean monthFirst) {
    var found = DateParser.find(line, monthFirst);
    assertThat(found).as(line).hasSize(1);
    return found.get(0).date();
  }

  @Test
  void readsNumericAndNamedDatesInFourLanguages() {
    LocalDate expected = LocalDate.of(2024, 3, 15);
    assertThat(only("Date: 2024-03-15", false)).isEqualTo(expected);
    assertThat(only("Datum: 15.03.2024", false)).isEqualTo(expected);
    assertThat(only("Datum: 15-03-2024", false)).isEqualTo(expected);
    assertThat(only("Date: 03/15/2024", true)).isEqualTo(expected);
    assertThat(only("Date: 15/03/2024", true)).as("15 cannot be a month").isEqualTo(expected);
    assertThat(only("Date: March 15, 2024", false)).isEqualTo(expected);
    assertThat(only("Date: 15 March 2024", false)).isEqualTo(expected);
    assertThat(only("Datum: 15. März 2024", false)).isEqualTo(expected);
    assertThat(only("Date : 15 mars 2024", false)).isEqualTo(expected);
    assertThat(only("Datum: 15 maart 2024", false)).isEqualTo(expected);
    assertThat(only("Date: 15-Mar-2024", false)).isEqualTo(expected);
  }

  @Test
  void ambiguousSlashDateFollowsTheDocumentsConvention() {
    assertThat(only("04/05/2024", true)).isEqualTo(LocalDate.of(2024, 4, 5));
    assertThat(only("04/05/2024", false)).isEqualTo(LocalDate.of(2024, 5, 4));
    assertThat(DateParser.prefersMonthFirst("Paid 12/31/2024 $10.00")).isTrue();
    assertThat(DateParser.prefersMonthFirst("Paid 31/12/2024 £10.00")).isFalse();
  }
}
