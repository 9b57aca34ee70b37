package io.findoc.batch.coordinator;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The coordinator service. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CoordinatorApplication {

  /**
   * The name of its configuration file ({@code coordinator.yml}): coordinator and worker share
   * class paths in tests, so neither may use {@code application.yml}.
   */
  public static final String CONFIG_NAME = "coordinator";

  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(CoordinatorApplication.class);
    application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
    application.run(args);
  }
}
