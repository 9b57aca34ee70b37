package io.findoc.batch.loadtests.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of a bench run, from {@code --name value} pairs and the flags {@code --smoke} and
 * {@code --profile}.
 *
 * @param api the coordinator (default {@code http://127.0.0.1:8080})
 * @param keyFile the tenant key ({@code var/demo-key})
 * @param var the stack's var folder: pids ({@code run/*.pid}), PostgreSQL's data, the documents the
 *     workers may read ({@code documents/}); null for a stack given only by address
 * @param findoc the {@code findoc} script, to change the number of workers (null: never changed)
 * @param db the product's database (default {@code jdbc:postgresql://127.0.0.1:15432/findoc})
 * @param dbUser its user (default {@code findoc})
 * @param dbPassword its password (default {@code findoc})
 * @param adminDb a superuser connection, to create the peers' databases (default the server's
 *     {@code postgres} database as {@code postgres})
 * @param kafka the stack's broker, for the lean ceiling's own topics (default {@code
 *     127.0.0.1:19092})
 * @param scenarios the scenarios to run ({@code all} is every one)
 * @param tasks the sizes of the no-op jobs (default 100,000 and 1,000,000)
 * @param documents generated documents of the speed-up and peer scenarios (default 2,000)
 * @param peerTasks no-op jobs per run in the peer scenario (default 50,000)
 * @param repeats measured runs of each size (default 3), after one warm-up run
 * @param workers the worker processes of the stack as started (default 2)
 * @param workerThreads processor threads per worker (default 8, the worker's default)
 * @param results the folder of this run's files (default {@code load-tests/results/<date>})
 * @param smoke a few thousand tasks per scenario, one repeat, short waits: for CI
 * @param profile record a JFR of the coordinator during the no-op scenario and print its hot
 *     methods
 * @param drainTimeout how long the drain before each scenario and each measured run waits for
 *     unfinished jobs before it cancels them ({@code --drain-timeout} seconds; default 300, with
 *     {@code --smoke} 60)
 * @param rateLimit the requests per second per key the coordinator was started with by {@code
 *     ./findoc bench} ({@code --rate-limit}; 0: unknown, a stack the bench did not start)
 * @param rateBurst its burst ({@code --rate-burst}; 0: unknown)
 * @param latencyRate the latency scenario's load in tasks per second ({@code --latency-rate}; 0,
 *     the default: half the maximum of its job shape, measured by the scenario)
 * @param pageTasks the tasks of the dashboard scenario's job ({@code --page-tasks}; default
 *     1,000,000, with {@code --smoke} 2,000)
 * @param pageRequests measured requests per dashboard page after its warm-up ({@code
 *     --page-requests}; default 20, with {@code --smoke} 3)
 */
public record BenchOptions(
    URI api,
    Path keyFile,
    Path var,
    Path findoc,
    String db,
    String dbUser,
    String dbPassword,
    String adminDb,
    String kafka,
    List<String> scenarios,
    List<Integer> tasks,
    int documents,
    int peerTasks,
    int repeats,
    int workers,
    int workerThreads,
    Path results,
    boolean smoke,
    boolean profile,
    Duration drainTimeout,
    int rateLimit,
    int rateBurst,
    double latencyRate,
    int pageTasks,
    int pageRequests) {

  /**
   * Every scenario, in the order {@code all} runs them: the no-op rate first (the latency scenario
   * loads the stack at half of it, the ceiling divides it), the peers late (they share the machine
   * and PostgreSQL), and {@code resources} last (it sums up what was sampled during the others).
   */
  public static final List<String> ALL =
      List.of(
          "noop",
          "ceiling",
          "latency",
          "progress",
          "speedup",
          "analyzer",
          "scheduling",
          "pages",
          "peers",
          "resources");

  /** Reads {@code args}; unknown options are refused. */
  public static BenchOptions parse(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    boolean smoke = false;
    boolean profile = false;
    for (int i = 0; i < args.length; i++) {
      String name = args[i].replaceFirst("^--", "");
      switch (name) {
        case "smoke" -> smoke = true;
        case "profile" -> profile = true;
        default -> {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException("--" + name + " needs a value");
          }
          options.put(name, args[++i]);
        }
      }
    }
    BenchOptions parsed = fromMap(options, smoke, profile);
    if (!options.isEmpty()) {
      throw new IllegalArgumentException("unknown options: " + options.keySet());
    }
    return parsed;
  }

  private static BenchOptions fromMap(Map<String, String> o, boolean smoke, boolean profile) {
    String scenario = take(o, "scenario", "all");
    List<String> scenarios = scenario.equals("all") ? ALL : List.of(scenario.split(","));
    for (String s : scenarios) {
      if (!ALL.contains(s)) {
        throw new IllegalArgumentException("unknown scenario " + s + "; known: all, " + ALL);
      }
    }
    String tasks = take(o, "tasks", smoke ? "2000" : "100000,1000000");
    Path var = o.containsKey("var") ? Path.of(take(o, "var", null)) : null;
    String keyFile = take(o, "key-file", var == null ? null : var.resolve("demo-key").toString());
    String db = take(o, "db", "jdbc:postgresql://127.0.0.1:15432/findoc");
    return new BenchOptions(
        URI.create(take(o, "api", "http://127.0.0.1:8080")),
        keyFile == null ? null : Path.of(keyFile),
        var,
        o.containsKey("findoc") ? Path.of(take(o, "findoc", null)) : null,
        db,
        take(o, "db-user", "findoc"),
        take(o, "db-password", "findoc"),
        take(o, "admin-db", db.replaceFirst("/[^/?]+(\\?.*)?$", "/postgres")),
        take(o, "kafka", "127.0.0.1:19092"),
        scenarios,
        java.util.Arrays.stream(tasks.split(",")).map(Integer::parseInt).toList(),
        Integer.parseInt(take(o, "documents", smoke ? "20" : "2000")),
        Integer.parseInt(take(o, "peer-tasks", smoke ? "500" : "50000")),
        Integer.parseInt(take(o, "repeats", smoke ? "1" : "3")),
        Integer.parseInt(take(o, "workers", "2")),
        Integer.parseInt(take(o, "worker-threads", "8")),
        Path.of(take(o, "results", "load-tests/results/" + java.time.LocalDate.now())),
        smoke,
        profile,
        Duration.ofSeconds(Long.parseLong(take(o, "drain-timeout", smoke ? "60" : "300"))),
        Integer.parseInt(take(o, "rate-limit", "0")),
        Integer.parseInt(take(o, "rate-burst", "0")),
        Double.parseDouble(take(o, "latency-rate", "0")),
        positive("page-tasks", take(o, "page-tasks", smoke ? "2000" : "1000000")),
        positive("page-requests", take(o, "page-requests", smoke ? "3" : "20")));
  }

  /** The coordinator's rate limit as the results should state it. */
  public String rateLimitNote() {
    return rateLimit > 0
        ? rateLimit
            + " requests/s per key, burst "
            + rateBurst
            + " (findoc.security.requests-per-second and burst, set by ./findoc bench on the"
            + " coordinator it started)"
        : "unknown: a coordinator this bench did not start (its own"
            + " findoc.security.requests-per-second applies; 429 answers are honoured by their"
            + " Retry-After and counted)";
  }

  private static int positive(String name, String text) {
    int value;
    try {
      value = Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--" + name + " must be a whole number, is '" + text + "'");
    }
    if (value < 1) {
      throw new IllegalArgumentException("--" + name + " must be at least 1, is " + value);
    }
    return value;
  }

  private static String take(Map<String, String> options, String name, String otherwise) {
    String value = options.remove(name);
    return value == null ? otherwise : value;
  }
}
