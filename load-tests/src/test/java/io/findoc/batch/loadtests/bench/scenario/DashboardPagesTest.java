package io.findoc.batch.loadtests.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.findoc.batch.loadtests.bench.report.PageTimings;
import io.findoc.batch.loadtests.bench.scenario.DashboardPages.Probe;
import io.findoc.batch.loadtests.bench.scenario.DashboardPages.Targets;
import io.findoc.batch.loadtests.client.DashboardClient.Read;
import java.util.List;
import org.junit.jupiter.api.Test;

class DashboardPagesTest {

  private static final String JOB = "0b0e7a52-4a8e-4f4e-9d4c-0c6f4c1a2b3c";

  @Test
  void theTaskTableIsAskedForAPageNearTask900000OfAMillion() {
    List<Probe> probes =
        DashboardPages.probes(new Targets(JOB, 1_000_000, "worker-2", 12_500, 200_000, "c1", "w1"));

    assertThat(path(probes, "tasks after 900000"))
        .isEqualTo("/jobs/" + JOB + "/tasks?after=900000");
    assertThat(path(probes, "tasks worker")).endsWith("/tasks?worker=worker-2");
    assertThat(path(probes, "jobs deep keyset page")).isEqualTo("/jobs?cursor=c1");
    assertThat(path(probes, "webhook deliveries")).isEqualTo("/webhooks?endpoint=w1");
    assertThat(path(probes, "task detail, failed")).isEqualTo("/jobs/" + JOB + "/tasks/12500");
    assertThat(probes.stream().map(Probe::page)).doesNotHaveDuplicates();
  }

  @Test
  void streamsAreTimedToTheirHeadersDownloadsToTheirFirstByteAndTheApiWithTheKey() {
    List<Probe> probes = DashboardPages.probes(new Targets(JOB, 20_000, "w", 1, 2, null, null));

    assertThat(probe(probes, "job progress stream (headers)").read()).isEqualTo(Read.HEADERS);
    assertThat(probe(probes, "results NDJSON (first byte)").read()).isEqualTo(Read.FIRST_BYTE);
    assertThat(probe(probes, "failure groups (API JSON)").api()).isTrue();
    assertThat(probe(probes, "job head (live)").htmx()).isTrue();
    assertThat(probe(probes, "job detail").htmx()).isFalse();
  }

  @Test
  void whatIsNotKnownIsNotAskedFor() {
    List<Probe> probes = DashboardPages.probes(new Targets(JOB, 20_000, null, 1, 2, null, null));

    assertThat(probes.stream().map(Probe::page))
        .doesNotContain("tasks worker", "jobs deep keyset page", "webhook deliveries")
        .contains("overview", "audit log", "submit", "dead letters", "workers");
  }

  @Test
  void theTableHasARowPerPage() {
    PageTimings fast = new PageTimings("overview");
    fast.add(200, 12);
    PageTimings slow = new PageTimings("job detail");
    slow.add(200, 450);

    String table = DashboardPages.table("after the job ended", List.of(fast, slow));

    assertThat(table.lines()).hasSize(4);
    assertThat(table).contains("overview").contains("job detail");
    assertThat(table.lines().toList().get(3)).endsWith("NO");
  }

  private static String path(List<Probe> probes, String page) {
    return probe(probes, page).path();
  }

  private static Probe probe(List<Probe> probes, String page) {
    return probes.stream().filter(p -> p.page().equals(page)).findFirst().orElseThrow();
  }
}
