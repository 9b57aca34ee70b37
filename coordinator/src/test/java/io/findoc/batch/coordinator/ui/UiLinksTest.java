package io.findoc.batch.coordinator.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UiLinksTest {

  @Test
  void aPageFindsTheRootThroughAsManyStepsBackAsItIsDeep() {
    assertThat(UiLinks.root("/")).isEqualTo("./");
    assertThat(UiLinks.root("/jobs")).isEqualTo("./");
    assertThat(UiLinks.root("/jobs/")).isEqualTo("../");
    assertThat(UiLinks.root("/jobs/abc")).isEqualTo("../");
    assertThat(UiLinks.root("/jobs/abc/tasks/3")).isEqualTo("../../../");
  }

  @Test
  void onlyAWayBackToTheRootIsTakenFromAPage() {
    assertThat(UiLinks.isRoot("./")).isTrue();
    assertThat(UiLinks.isRoot("../../")).isTrue();
    assertThat(UiLinks.isRoot(null)).isFalse();
    assertThat(UiLinks.isRoot("")).isFalse();
    assertThat(UiLinks.isRoot("/")).isFalse();
    assertThat(UiLinks.isRoot("../x/")).isFalse();
    assertThat(UiLinks.isRoot("//evil.example/")).isFalse();
    assertThat(UiLinks.isRoot("javascript:alert(1)//")).isFalse();
  }
}
