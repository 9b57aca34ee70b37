package io.findoc.batch.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.findoc.batch.common.message.Priority;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

class WorkerPropertiesTest {

  @Test
  void weightOfZeroIsRefusedAtStartupNamingTheProperty() {
    assertThatThrownBy(() -> new WorkerProperties.Weights(6, 3, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("findoc.worker.weights.low");
  }

  @Test
  void weightsAreGivenByPriority() {
    assertThat(new WorkerProperties.Weights(6, 3, 1).asMap())
        .containsEntry(Priority.HIGH, 6)
        .containsEntry(Priority.NORMAL, 3)
        .containsEntry(Priority.LOW, 1);
  }

  @Test
  void flatWorkerPropertiesBindIntoIntakeExecutionAndReporting() {
    WorkerProperties.Worker worker =
        bind(Map.of(
                "findoc.worker.id", "w-1",
                "findoc.worker.threads", "3",
                "findoc.worker.cpu-threads", "2",
                "findoc.worker.max-in-flight", "40",
                "findoc.worker.warm-up", "0s",
                "findoc.worker.heartbeat-interval", "2s",
                "findoc.worker.resources.cpu-ceiling", "0.5",
                "findoc.worker.analysis.max-pdf-pages", "7"))
            .worker();

    assertThat(worker.id()).isEqualTo("w-1");
    assertThat(worker.execution().threads()).isEqualTo(3);
    assertThat(worker.execution().cpuThreads()).isEqualTo(2);
    assertThat(worker.execution().analysis().maxPdfPages()).isEqualTo(7);
    assertThat(worker.intake().maxInFlight()).isEqualTo(40);
    assertThat(worker.intake().warmUp()).isZero();
    assertThat(worker.intake().resources().cpuCeiling()).isEqualTo(0.5);
    assertThat(worker.reporting().heartbeatInterval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(worker.execution().crashJournal()).hasFileName("findoc-worker-w-1.journal");
  }

  @Test
  void unsetPropertiesTakeTheDefaultsTheJavadocStates() {
    WorkerProperties.Worker worker = bind(Map.of("findoc.worker.threads", "1")).worker();

    assertThat(worker.reporting().startedReportAfter()).isEqualTo(Duration.ofMillis(200));
    assertThat(worker.reporting().heartbeatInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(worker.reporting().reportRetryPause()).isEqualTo(Duration.ofSeconds(1));
    assertThat(worker.reporting().statusInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(worker.execution().attemptTimeout()).isEqualTo(Duration.ofMinutes(15));
    assertThat(worker.execution().shutdownGrace()).isEqualTo(Duration.ofSeconds(30));
    assertThat(worker.execution().weights().asMap())
        .isEqualTo(Map.of(Priority.HIGH, 6, Priority.NORMAL, 3, Priority.LOW, 1));
    assertThat(worker.execution().analysis().maxDocumentBytes())
        .isEqualTo(DataSize.ofMegabytes(20));
    assertThat(worker.execution().faults().allowCrashDocuments()).isFalse();
    assertThat(worker.intake().controlCatchUp()).isEqualTo(Duration.ofSeconds(30));
    assertThat(worker.intake().warmUp()).isEqualTo(Duration.ofSeconds(60));
    assertThat(worker.intake().resources().heapCeiling()).isEqualTo(0.8);
    assertThat(worker.intake().maxInFlight())
        .isEqualTo(
            Math.max(
                WorkerProperties.Intake.MIN_DEFAULT_MAX_IN_FLIGHT,
                WorkerProperties.Intake.MAX_IN_FLIGHT_PER_THREAD
                    * (1 + Runtime.getRuntime().availableProcessors())));
  }

  @Test
  void maxInFlightBelowTheThreadsIsRefusedNamingBothProperties() {
    assertThatThrownBy(
            () -> bind(Map.of("findoc.worker.threads", "8", "findoc.worker.max-in-flight", "4")))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageContaining("findoc.worker.max-in-flight (4)")
        .hasMessageContaining("findoc.worker.threads (8)");
  }

  private static WorkerProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("findoc", WorkerProperties.class);
  }
}
