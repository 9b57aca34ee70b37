package io.findoc.batch.coordinator.ui;

import io.findoc.batch.coordinator.store.DashboardStore;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The dashboard's static files under its prefix: its own ({@code assets/}: script and style) and
 * the webjars' ({@code webjars/}: htmx), served by the coordinator; no Node build.
 */
@Configuration(proxyBeanMethods = false)
public class UiConfiguration implements WebMvcConfigurer {

  private final UiProperties settings;

  public UiConfiguration(UiProperties settings) {
    this.settings = settings;
  }

  @Bean
  DashboardStore dashboardStore(Jdbi jdbi) {
    return jdbi.onDemand(DashboardStore.class);
  }

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry
        .addResourceHandler(settings.prefix() + "/assets/**")
        .addResourceLocations("classpath:/findoc-ui/assets/")
        .setCacheControl(CacheControl.noCache());
    registry
        .addResourceHandler(settings.prefix() + "/webjars/**")
        .addResourceLocations("classpath:/META-INF/resources/webjars/")
        .setCacheControl(CacheControl.maxAge(Duration.ofDays(7)));
  }
}
