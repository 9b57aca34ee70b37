package io.findoc.batch.coordinator.api;

import io.findoc.batch.coordinator.config.CoordinatorProperties;
import org.springframework.stereotype.Component;

/**
 * The tenant a request acts for. Until API keys exist every request acts for the configured default
 * tenant; every query is already scoped by it.
 */
@Component
public class CurrentTenant {

  private final String defaultTenant;

  public CurrentTenant(CoordinatorProperties properties) {
    this.defaultTenant = properties.tenant().defaultTenant();
  }

  public String id() {
    return defaultTenant;
  }
}
