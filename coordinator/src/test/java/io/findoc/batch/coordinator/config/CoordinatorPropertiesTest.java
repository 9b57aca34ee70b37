package io.findoc.batch.coordinator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class CoordinatorPropertiesTest {

  private static CoordinatorProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("findoc", CoordinatorProperties.class);
  }

  @Test
  void theDefaultsKeepEventsLongerThanTheirDeliveriesAreRetried() {
    CoordinatorProperties defaults = bind(Map.of());
    assertThat(defaults.events().retention()).isEqualTo(Duration.ofDays(7));
    assertThat(defaults.webhooks().horizon()).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void anEventRetentionNotLongerThanTheRetryHorizonIsRefusedAtStartUp() {
    assertThatThrownBy(() -> bind(Map.of("findoc.events.retention", "24h")))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageContaining("findoc.events.retention (PT24H)")
        .hasMessageContaining("findoc.webhooks.horizon (PT24H)");
  }
}
