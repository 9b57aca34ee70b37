package io.findoc.batch.coordinator.webhooks;

import io.findoc.batch.coordinator.store.WebhookStore;
import org.jdbi.v3.core.Jdbi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The webhook store for reads and single statements outside a submission's transaction. */
@Configuration(proxyBeanMethods = false)
public class WebhooksConfiguration {

  @Bean
  WebhookStore webhookStore(Jdbi jdbi) {
    return jdbi.onDemand(WebhookStore.class);
  }
}
