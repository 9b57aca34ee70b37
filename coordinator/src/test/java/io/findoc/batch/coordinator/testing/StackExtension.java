package io.findoc.batch.coordinator.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A {@link RunningStack} for one test class, as a JUnit extension: started before the class's tests
 * and closed after them, with a producer of status reports on its status topic for tests that play
 * the workers.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final StackExtension stack = StackExtension.coordinatorOnly(Map.of("findoc.lease.duration", "1s"));
 * }</pre>
 */
public final class StackExtension implements BeforeAllCallback, AfterAllCallback {

  private final Supplier<RunningStack> starter;
  private RunningStack stack;
  private Reports reports;

  private StackExtension(Supplier<RunningStack> starter) {
    this.starter = starter;
  }

  /** A coordinator alone: the test reports on its tasks through {@link #reports()}. */
  public static StackExtension coordinatorOnly(Map<String, Object> properties) {
    return new StackExtension(() -> RunningStack.coordinatorOnly(properties));
  }

  /** A coordinator and {@code workers} in-process workers. */
  public static StackExtension withWorkers(int workers) {
    return withWorkers(workers, Map.of());
  }

  /** A coordinator with extra {@code properties} and {@code workers} in-process workers. */
  public static StackExtension withWorkers(int workers, Map<String, Object> properties) {
    return new StackExtension(() -> RunningStack.withWorkers(workers, properties));
  }

  /**
   * A coordinator and {@code workers} in-process workers whose webhooks may call this machine's
   * loopback address, where a {@link WebhookReceiver} listens, with extra {@code properties}.
   */
  public static StackExtension withWebhooksToThisMachine(
      int workers, Map<String, Object> properties) {
    Map<String, Object> all = new HashMap<>(properties);
    all.put("findoc.webhooks.allow-loopback", true);
    return withWorkers(workers, all);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    stack = starter.get();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (reports != null) {
      reports.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  /** Status reports sent to the stack's status topic, as a worker would. */
  public synchronized Reports reports() {
    if (reports == null) {
      reports = new Reports(property("findoc.topics.task-status"));
    }
    return reports;
  }

  public RunningStack running() {
    return stack;
  }

  public Api api() {
    return stack.api();
  }

  public Api admin() {
    return stack.admin();
  }

  public Jdbi jdbi() {
    return stack.jdbi();
  }

  public ConfigurableApplicationContext coordinator() {
    return stack.coordinator();
  }

  public String property(String name) {
    return stack.property(name);
  }

  public String createKey(String tenant, String role) {
    return stack.createKey(tenant, role);
  }
}
