package io.findoc.batch.coordinator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The coordinator service. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CoordinatorApplication {

  public static void main(String[] args) {
    SpringApplication.run(CoordinatorApplication.class, args);
  }
}
