package io.findoc.batch.loadtests.faults;

import static io.findoc.batch.loadtests.TestHost.deleteRecursively;
import static io.findoc.batch.loadtests.TestHost.freePort;
import static io.findoc.batch.loadtests.TestHost.freePorts;

import io.findoc.batch.loadtests.Launcher;
import io.findoc.batch.loadtests.client.FindocClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The product as real OS processes for fault injection: {@code ./findoc up} on free ports with a
 * var directory of its own, and the faults: signals to a process by the pid {@code findoc} wrote in
 * {@code var/run}, and restarts through {@code ./findoc up} (which starts again whatever of the
 * stack is not running). Leases and heartbeats are shortened through the environment so that a lost
 * worker is noticed in seconds.
 */
final class FaultStack implements AutoCloseable {

  static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  /**
   * Settings of a stack whose webhooks go to a receiver in the test JVM, retried quickly: an
   * attempt cut short by a kill is sent again after its lease (timeout + 5 s).
   */
  static final Map<String, String> WEBHOOKS_TO_THIS_HOST =
      Map.of(
          "FINDOC_WEBHOOKS_ALLOWLOOPBACK", "true",
          "FINDOC_WEBHOOKS_TIMEOUT", "2s",
          "FINDOC_WEBHOOKS_INITIALBACKOFF", "200ms",
          "FINDOC_WEBHOOKS_MAXBACKOFF", "1s",
          "FINDOC_EVENTS_PROGRESSINTERVAL", "1s");

  private final Path var;
  private final Map<String, String> env = new HashMap<>();
  private final int apiPort;
  private final int pgPort;
  private final int kafkaPort;
  private final int workers;
  private final int coordinators;
  private FindocClient client;

  private FaultStack(String name, int workers, int coordinators, Map<String, String> settings)
      throws IOException {
    this.var = varOf(name);
    this.workers = workers;
    this.coordinators = coordinators;
    deleteRecursively(var);
    apiPort = freePorts(coordinators);
    pgPort = freePort();
    kafkaPort = freePort();
    env.put("FINDOC_VAR", var.toString());
    env.put("FINDOC_SKIP_BUILD", "1");
    env.put("FINDOC_COORDINATOR_PORT", Integer.toString(apiPort));
    env.put("FINDOC_KAFKA_PORT", Integer.toString(kafkaPort));
    env.put("FINDOC_KAFKA_CONTROLLER_PORT", Integer.toString(freePort()));
    env.put("FINDOC_PG_PORT", Integer.toString(pgPort));
    // A lost worker is noticed in seconds, not half a minute.
    env.put("FINDOC_LEASE_DURATION", "8s");
    env.put("FINDOC_LEASE_REAPPERIOD", "1s");
    env.put("FINDOC_WORKER_HEARTBEATINTERVAL", "1s");
    env.put("FINDOC_RETRY_INITIALBACKOFF", "200ms");
    env.put("FINDOC_RETRY_MAXBACKOFF", "2s");
    // The suite runs simulate tasks: a restarted worker takes them at once, without warming.
    env.put("FINDOC_WORKER_WARMUP", "0s");
    env.putAll(settings);
    Files.createDirectories(var);
    try {
      up();
    } catch (RuntimeException e) {
      findoc("down"); // nothing of a stack that did not come up stays running
      throw e;
    }
    useCoordinator(1);
  }

  /** The var directory of the stack {@code name}: its logs, data, pid files and fault files. */
  static Path varOf(String name) {
    return ROOT.resolve("load-tests/target/faults-var/" + name);
  }

  /** Starts a stack of {@code workers} workers, with extra environment {@code settings}. */
  static FaultStack start(String name, int workers, Map<String, String> settings) {
    return start(name, workers, 1, settings);
  }

  /**
   * Starts a stack of {@code coordinators} coordinators (one database, one broker) and {@code
   * workers} workers, with extra environment {@code settings}.
   */
  static FaultStack start(
      String name, int workers, int coordinators, Map<String, String> settings) {
    try {
      return new FaultStack(name, workers, coordinators, settings);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The API client, of coordinator 1 unless {@link #useCoordinator} chose another. */
  FindocClient client() {
    return client;
  }

  /**
   * Talks to coordinator {@code n} (1-based; {@code ./findoc} puts it on the n-th port) from now.
   */
  void useCoordinator(int n) {
    client =
        FindocClient.withKeyFile(
            URI.create("http://127.0.0.1:" + (apiPort + n - 1)), var.resolve("demo-key"));
  }

  /** The name {@code ./findoc} gives coordinator {@code n}: its pid file, its log. */
  static String coordinator(int n) {
    return n == 1 ? "coordinator" : "coordinator-" + n;
  }

  String apiKey() {
    try {
      return Files.readString(var.resolve("demo-key")).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String bootstrap() {
    return "127.0.0.1:" + kafkaPort;
  }

  Connection db() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + pgPort + "/findoc", "findoc", "findoc");
  }

  /** Starts again whatever of the stack is not running, and waits until it is up. */
  void up() {
    int exit =
        findoc(
            "up",
            "--workers",
            Integer.toString(workers),
            "--coordinators",
            Integer.toString(coordinators));
    if (exit != 0) {
      throw new IllegalStateException(
          "./findoc up failed with " + exit + "; see " + var.resolve("findoc.log"));
    }
  }

  /** The pid of a process of the stack: {@code coordinator}, {@code worker-1}, {@code kafka}. */
  long pid(String name) {
    try {
      return Long.parseLong(Files.readString(var.resolve("run/" + name + ".pid")).trim());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the process of the stack called {@code name} runs. */
  boolean alive(String name) {
    return ProcessHandle.of(pid(name)).map(ProcessHandle::isAlive).orElse(false);
  }

  /** The names of the stack's workers that do not run. */
  List<String> deadWorkers() {
    List<String> dead = new ArrayList<>();
    for (int n = 1; n <= workers; n++) {
      if (!alive("worker-" + n)) {
        dead.add("worker-" + n);
      }
    }
    return dead;
  }

  /** The pid of the PostgreSQL server itself (the {@code postgres} pid is its Java wrapper). */
  long postmasterPid() {
    try {
      return Long.parseLong(Files.readAllLines(var.resolve("postgres/postmaster.pid")).get(0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends {@code signal} (KILL, TERM, STOP, CONT) to the process. */
  void signal(long pid, String signal) {
    run(List.of("kill", "-" + signal, Long.toString(pid)));
  }

  /**
   * Sends {@code signal} to a process of the stack and, for KILL and TERM, waits until it is gone.
   */
  void signal(String name, String signal) {
    long pid = pid(name);
    signal(pid, signal);
    if (signal.equals("KILL") || signal.equals("TERM")) {
      awaitGone(pid, Duration.ofSeconds(60));
    }
  }

  /** Stops PostgreSQL (its server and wrapper) as a crash would leave it: the server killed. */
  void stopPostgres() {
    long server = postmasterPid();
    long wrapper = pid("postgres");
    signal(server, "KILL");
    awaitGone(server, Duration.ofSeconds(30));
    signal(wrapper, "KILL");
    awaitGone(wrapper, Duration.ofSeconds(30));
    // The killed server leaves its shared memory segment behind only on some systems; its pid file
    // must go for the next one to start.
    try {
      Files.deleteIfExists(var.resolve("postgres/postmaster.pid"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void awaitGone(long pid, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("process " + pid + " still runs after " + within);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void close() {
    findoc("down");
  }

  private int findoc(String... args) {
    List<String> command = new ArrayList<>();
    command.add(ROOT.resolve("findoc").toString());
    command.addAll(List.of(args));
    return run(command);
  }

  private int run(List<String> command) {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(ROOT.toFile())
            .redirectErrorStream(true)
            // Not the test JVM's own output: failsafe reads that as its channel.
            .redirectOutput(ProcessBuilder.Redirect.appendTo(var.resolve("findoc.log").toFile()));
    builder.environment().putAll(env);
    return Launcher.exitCode(builder, Duration.ofMinutes(15)); // a whole stack, on a loaded machine
  }
}
