package io.findoc.batch.coordinator.submission;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DocumentRefsTest {

  @Test
  void aMillionDistinctReferencesAreNotTakenForDuplicates() {
    DocumentRefs refs = new DocumentRefs();
    for (int i = 1; i <= 1_000_000; i++) {
      assertThat(refs.add("d" + i)).isTrue();
    }
    assertThat(refs.possibleDuplicate()).isFalse();
  }

  @Test
  void aRepeatedReferenceIsAPossibleDuplicate() {
    DocumentRefs refs = new DocumentRefs();
    for (int i = 1; i <= 5000; i++) {
      refs.add("invoice-" + i);
    }
    assertThat(refs.possibleDuplicate()).isFalse();

    assertThat(refs.add("invoice-4711")).isFalse();
    assertThat(refs.possibleDuplicate()).isTrue();
  }

  @Test
  void referencesThatDifferOnlyInCaseOrOrderOfCharactersAreDistinct() {
    DocumentRefs refs = new DocumentRefs();
    assertThat(refs.add("ab")).isTrue();
    assertThat(refs.add("ba")).isTrue();
    assertThat(refs.add("AB")).isTrue();
    assertThat(refs.add("")).isTrue();
    assertThat(refs.possibleDuplicate()).isFalse();
  }
}
