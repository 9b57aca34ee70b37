package io.findoc.batch.coordinator.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeaseSettingsTest {

  @Test
  void theSessionTimeoutIsTheConsumersOwnOrKafkasDefault() {
    assertThat(
            new LeaseSettings(Duration.ofSeconds(30), Map.of("session.timeout.ms", "10000"))
                .sessionTimeout())
        .isEqualTo(Duration.ofSeconds(10));
    assertThat(new LeaseSettings(Duration.ofSeconds(30), Map.of()).sessionTimeout())
        .isEqualTo(LeaseSettings.KAFKA_DEFAULT_SESSION_TIMEOUT);
  }

  @Test
  void aLeaseMustOutlastTheTimeADeadCoordinatorsPartitionsGoUnread() {
    LeaseSettings settings =
        new LeaseSettings(Duration.ofSeconds(30), Map.of("session.timeout.ms", "10000"));
    assertThat(settings.outlastsSessionTimeout(Duration.ofSeconds(30))).isTrue();
    assertThat(settings.outlastsSessionTimeout(Duration.ofSeconds(10))).isFalse();
    assertThat(settings.outlastsSessionTimeout(Duration.ofSeconds(8))).isFalse();
  }
}
