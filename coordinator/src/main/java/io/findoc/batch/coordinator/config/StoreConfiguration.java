package io.findoc.batch.coordinator.config;

import io.findoc.batch.coordinator.store.JobStore;
import io.findoc.batch.coordinator.store.SecurityStore;
import io.findoc.batch.coordinator.store.StoreMappers;
import io.findoc.batch.coordinator.store.TaskStore;
import io.findoc.batch.coordinator.store.TaskWriter;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JDBI over the application's data source (migrated by Flyway at start-up); the outbox signal sets
 * on it what wakes the relay when a transaction that wrote job events commits.
 */
@Configuration(proxyBeanMethods = false)
public class StoreConfiguration {

  @Bean
  Jdbi jdbi(DataSource dataSource) {
    Jdbi jdbi =
        Jdbi.create(dataSource)
            .installPlugin(new SqlObjectPlugin())
            .installPlugin(new PostgresPlugin());
    return StoreMappers.register(jdbi);
  }

  /** For reads outside a transaction; writes attach the stores to their transaction's handle. */
  @Bean
  JobStore jobStore(Jdbi jdbi) {
    return jdbi.onDemand(JobStore.class);
  }

  @Bean
  TaskStore taskStore(Jdbi jdbi) {
    return jdbi.onDemand(TaskStore.class);
  }

  @Bean
  SecurityStore securityStore(Jdbi jdbi) {
    return jdbi.onDemand(SecurityStore.class);
  }

  @Bean
  TaskWriter taskWriter() {
    return new TaskWriter();
  }
}
