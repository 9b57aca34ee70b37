package io.findoc.batch.coordinator.testing;

import io.findoc.batch.coordinator.CoordinatorApplication;
import io.findoc.batch.devstack.TestInfrastructure;
import io.findoc.batch.worker.WorkerApplication;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A coordinator and in-process workers on the shared test broker, with a database and topic names
 * of their own, so that test classes never see each other's messages or rows. Close it in
 * {@code @AfterAll}.
 */
public final class RunningStack implements AutoCloseable {

  private static final AtomicInteger STACKS = new AtomicInteger();
  private static final String ADMIN_KEY = "test-admin-key-" + java.util.UUID.randomUUID();

  /** The tenant whose operator key {@link #api()} sends. */
  public static final String TENANT = "acme";

  private final Map<String, Object> shared = new LinkedHashMap<>();
  private final Map<String, Object> coordinatorConfig;
  private ConfigurableApplicationContext coordinator;
  private final List<ConfigurableApplicationContext> workers = new ArrayList<>();
  private Api admin;
  private Api api;
  private Jdbi jdbi;

  private RunningStack(int workerCount, Map<String, Object> coordinatorProperties) {
    String prefix = "s" + ProcessHandle.current().pid() + "-" + STACKS.incrementAndGet() + ".";
    shared.put("spring.kafka.bootstrap-servers", TestInfrastructure.kafkaBootstrap());
    shared.put("findoc.topics.tasks-high", prefix + "tasks.high");
    shared.put("findoc.topics.tasks-normal", prefix + "tasks.normal");
    shared.put("findoc.topics.tasks-low", prefix + "tasks.low");
    shared.put("findoc.topics.task-status", prefix + "task-status");
    shared.put("findoc.topics.dead-letters", prefix + "tasks.dlt");
    shared.put("findoc.topics.control", prefix + "control");
    shared.put("findoc.topics.workers", prefix + "workers-status");
    shared.put("findoc.topics.job-events", prefix + "job-events");
    TestInfrastructure.Database db = TestInfrastructure.newDatabase();
    coordinatorConfig = new LinkedHashMap<>(shared);
    coordinatorConfig.put("spring.config.name", CoordinatorApplication.CONFIG_NAME);
    coordinatorConfig.put("spring.datasource.url", db.url());
    coordinatorConfig.put("spring.datasource.username", db.user());
    coordinatorConfig.put("spring.datasource.password", db.password());
    coordinatorConfig.put("spring.kafka.consumer.group-id", prefix + "coordinator");
    coordinatorConfig.put("server.port", 0);
    coordinatorConfig.put("findoc.topic-layout.task-partitions", 4);
    coordinatorConfig.put("findoc.topic-layout.status-partitions", 4);
    coordinatorConfig.put("findoc.security.admin-key", ADMIN_KEY);
    coordinatorConfig.put("findoc.metrics.worker-group", prefix + "workers");
    coordinatorConfig.putAll(coordinatorProperties);
    startCoordinator();
    api = admin.withKey(createKey(TENANT, "operator"));
    for (int i = 0; i < workerCount; i++) {
      startWorker(prefix, i + 1);
    }
  }

  private void startCoordinator() {
    coordinator =
        new SpringApplicationBuilder(CoordinatorApplication.class).run(args(coordinatorConfig));
    int port = ((WebServerApplicationContext) coordinator).getWebServer().getPort();
    admin = new Api(URI.create("http://127.0.0.1:" + port), ADMIN_KEY);
    jdbi = coordinator.getBean(Jdbi.class);
  }

  /**
   * Stops the coordinator and starts a new one on the same database and topics (a restart; the
   * workers stay). {@link #api()} and {@link #admin()} then call the new one.
   */
  public void restartCoordinator() {
    String key = api.key();
    coordinator.close();
    startCoordinator();
    api = admin.withKey(key);
  }

  /** A coordinator and {@code workers} in-process workers. */
  public static RunningStack withWorkers(int workers) {
    return new RunningStack(workers, Map.of());
  }

  /** A coordinator with extra {@code properties} and {@code workers} in-process workers. */
  public static RunningStack withWorkers(int workers, Map<String, Object> properties) {
    return new RunningStack(workers, properties);
  }

  /** A coordinator alone: tasks are dispatched and stay QUEUED until the test reports on them. */
  public static RunningStack coordinatorOnly(Map<String, Object> properties) {
    return new RunningStack(0, properties);
  }

  private void startWorker(String prefix, int number) {
    Map<String, Object> config = new LinkedHashMap<>(shared);
    config.put("spring.config.name", WorkerApplication.CONFIG_NAME);
    config.put("spring.kafka.consumer.group-id", prefix + "workers");
    config.put("findoc.worker.id", prefix + "worker-" + number);
    config.put("findoc.worker.status-interval", "1s");
    config.put("findoc.worker.warm-up", "0s"); // behaviour, not speed, is tested here
    config.put("server.port", 0);
    // The coordinator's database libraries are on this class path; a worker uses none of them.
    config.put(
        "spring.autoconfigure.exclude",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
            + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration");
    workers.add(new SpringApplicationBuilder(WorkerApplication.class).run(args(config)));
  }

  /** As command-line arguments, which win over the applications' own configuration files. */
  private static String[] args(Map<String, Object> properties) {
    return properties.entrySet().stream()
        .map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
  }

  /** The API as an operator of {@link #TENANT}. */
  public Api api() {
    return api;
  }

  /** The API as the platform administrator. */
  public Api admin() {
    return admin;
  }

  /** Creates the tenant if need be, and a key of {@code role} for it; returns the key. */
  public String createKey(String tenant, String role) {
    admin.post("/api/admin/tenants", "{\"id\":\"" + tenant + "\"}");
    Api.Response created =
        admin.post("/api/admin/tenants/" + tenant + "/keys", "{\"role\":\"" + role + "\"}");
    if (created.status() != 201) {
      throw new AssertionError(
          "creating a key answered " + created.status() + ": " + created.body());
    }
    return created.body().get("key").asString();
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public ConfigurableApplicationContext coordinator() {
    return coordinator;
  }

  /** A configuration property of the coordinator, such as a topic name. */
  public String property(String name) {
    return coordinator.getEnvironment().getRequiredProperty(name);
  }

  @Override
  public void close() {
    workers.forEach(ConfigurableApplicationContext::close);
    coordinator.close();
  }
}
