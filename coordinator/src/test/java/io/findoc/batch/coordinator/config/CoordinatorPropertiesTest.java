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

  @Test
  void unsetPropertiesTakeTheDefaultsTheJavadocStates() {
    CoordinatorProperties defaults = bind(Map.of());
    assertThat(defaults.topicLayout().taskPartitions()).isEqualTo(12);
    assertThat(defaults.topicLayout().replicas()).isEqualTo((short) 1);
    assertThat(defaults.tenant().defaultTenant()).isEqualTo("default");
    assertThat(defaults.submission().maxDocuments()).isEqualTo(1_000_000);
    assertThat(defaults.submission().defaultProcessor()).isEqualTo("noop");
    assertThat(defaults.dispatch().idlePoll()).isEqualTo(Duration.ofMillis(200));
    assertThat(defaults.security().maxBodyBytes()).isEqualTo(256L * 1024 * 1024);
    assertThat(defaults.lease().duration()).isEqualTo(Duration.ofSeconds(30));
    assertThat(defaults.retry().maxBackoff()).isEqualTo(Duration.ofMinutes(5));
    assertThat(defaults.metrics().workerGroup()).isEqualTo("findoc-workers");
    assertThat(defaults.events().source()).isEqualTo("urn:findoc:batch");
    assertThat(defaults.progress().senderThreads()).isEqualTo(4);
    assertThat(defaults.webhooks().allowLoopback()).isFalse();
    assertThat(defaults.webhooks().allowedHosts()).isEmpty();
  }
}
