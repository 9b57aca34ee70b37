package io.findoc.batch.worker;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The worker process. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WorkerApplication {

  /**
   * The name of its configuration file ({@code worker.yml}): coordinator and worker share class
   * paths in tests, so neither may use {@code application.yml}.
   */
  public static final String CONFIG_NAME = "worker";

  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(WorkerApplication.class);
    application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
    application.run(args);
  }
}
