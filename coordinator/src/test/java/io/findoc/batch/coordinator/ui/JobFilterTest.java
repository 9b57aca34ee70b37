package io.findoc.batch.coordinator.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.findoc.batch.coordinator.api.InvalidParameterException;
import io.findoc.batch.coordinator.security.Caller;
import io.findoc.batch.coordinator.security.Role;
import io.findoc.batch.coordinator.store.DashboardStore.JobSelection;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JobFilterTest {

  private static final Caller ACME = new Caller("acme", Role.OPERATOR, "fdk_1");
  private static final Caller ADMIN = new Caller(null, Role.ADMIN, "admin");

  @Test
  void blankPartsAreAbsentAndTheAddressKeepsTheOthers() {
    JobFilter filter = JobFilter.of("running", "", "Oct 50%", "2025-01-31", " ", null);
    assertThat(filter.query()).isEqualTo("state=RUNNING&name=Oct+50%25&from=2025-01-31");
    assertThat(filter.describe()).isEqualTo("jobs {state=RUNNING, name=Oct 50%, from=2025-01-31}");
    assertThat(JobFilter.of(null, null, null, null, null, null).describe()).isEqualTo("all jobs");
  }

  @Test
  void theNameMatchesLiterallyAndTheDatesAreUtc() {
    JobSelection selection =
        JobFilter.of(null, "HIGH", "a_b%c", "2025-01-31", "2025-02-01T12:30", null).selection(ACME);
    assertThat(selection.name()).isEqualTo("a\\_b\\%c");
    assertThat(selection.priority()).isEqualTo("high");
    assertThat(selection.createdFrom()).isEqualTo(Instant.parse("2025-01-31T00:00:00Z"));
    assertThat(selection.createdTo()).isEqualTo(Instant.parse("2025-02-01T12:30:00Z"));
  }

  @Test
  void aTenantsKeySeesItsOwnJobsWhateverTenantIsAskedTheAdminChooses() {
    JobFilter filter = JobFilter.of(null, null, null, null, null, "globex");
    assertThat(filter.selection(ACME).tenantId()).isEqualTo("acme");
    assertThat(filter.selection(ADMIN).tenantId()).isEqualTo("globex");
    assertThat(JobFilter.of(null, null, null, null, null, null).selection(ADMIN).tenantId())
        .isNull();
  }

  @Test
  void aWrongPartIsRefusedByName() {
    assertThatThrownBy(() -> JobFilter.of("SLEEPING", null, null, null, null, null))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageStartingWith("state");
    assertThatThrownBy(() -> JobFilter.of(null, "urgent", null, null, null, null))
        .hasMessageStartingWith("priority");
    assertThatThrownBy(
            () -> JobFilter.of(null, null, null, "yesterday", null, null).selection(ACME))
        .hasMessageStartingWith("from");
    assertThatThrownBy(() -> JobFilter.of(null, null, "x".repeat(201), null, null, null))
        .hasMessageStartingWith("name");
  }
}
