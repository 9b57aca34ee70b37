package io.findoc.batch.worker.warmup;

import io.findoc.batch.analyzer.AnalysisOptions;
import io.findoc.batch.analyzer.Cancellation;
import io.findoc.batch.analyzer.DocumentAnalyser;
import io.findoc.batch.common.message.Document;
import io.findoc.batch.worker.config.WorkerProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the analyser on built-in documents ({@value #FOLDER}: one invoice, statement, trade
 * confirmation, receipt, annual report and tax form per format, PDF, text and CSV, small files
 * generated once by the test corpus and checked in) before the task containers start, until it is
 * warm ({@link Steadiness}: its speed has stopped rising and the JIT compiler has caught up) or
 * {@code findoc.worker.warm-up} has passed. It leaves one core to the compiler (one thread fewer
 * than the CPU pool): a JVM whose every core analyses keeps a queue of thousands of methods waiting
 * for its one C2 compiler thread, and runs them in slower code the whole while. Its start blocks
 * the others: the containers join their consumer groups only after it. Reported as {@code warmUp}
 * in the health (and readiness) with what it did.
 */
@Component("warmUp")
public class AnalyserWarmUp extends AbstractHealthIndicator implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(AnalyserWarmUp.class);

  /** How long one measured window lasts. */
  static final Duration WINDOW = Duration.ofMillis(500);

  /** The class-path folder of the warm-up documents, and the list of them it holds. */
  static final String FOLDER = "warm-up/";

  private static final String INDEX = FOLDER + "documents.txt";

  private final DocumentAnalyser analyser;
  private final Duration budget;
  private final int threads;
  private final LongSupplier ticker;
  private final AtomicLong analysed = new AtomicLong();
  private volatile Map<String, Object> outcome = Map.of("state", "not started");
  private volatile boolean running;

  @Autowired
  public AnalyserWarmUp(DocumentAnalyser analyser, WorkerProperties properties) {
    this(
        analyser,
        properties.worker().intake().warmUp(),
        properties.worker().execution().cpuThreads());
  }

  AnalyserWarmUp(DocumentAnalyser analyser, Duration budget, int threads) {
    this(analyser, budget, threads, System::nanoTime);
  }

  /**
   * @param ticker the time in nanoseconds that the budget and the speeds are measured by
   */
  AnalyserWarmUp(DocumentAnalyser analyser, Duration budget, int threads, LongSupplier ticker) {
    super("Warm-up check failed");
    this.analyser = analyser;
    this.budget = budget;
    this.threads = Math.max(1, threads - 1);
    this.ticker = ticker;
  }

  /** How many documents it has analysed so far. */
  long documentsAnalysed() {
    return analysed.get();
  }

  /** What the warm-up did, as its health shows it. */
  Map<String, Object> outcome() {
    return outcome;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    builder.up().withDetails(outcome);
  }

  @Override
  public void start() {
    running = true;
    if (budget.isZero()) {
      outcome = Map.of("state", "off");
      return;
    }
    outcome = Map.of("state", "warming", "threads", threads, "budget", budget.toString());
    try {
      outcome = warmUp();
      LOG.info("Analyser warmed up: {}", outcome);
    } catch (RuntimeException e) {
      // A failed warm-up costs speed, not correctness: the worker takes work all the same.
      outcome = Map.of("state", "failed", "error", e.toString());
      LOG.warn("The analyser warm-up failed; the worker takes work cold.", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      outcome = Map.of("state", "interrupted");
    }
  }

  private Map<String, Object> warmUp() throws InterruptedException {
    List<Document> documents = documents();
    long t0 = ticker.getAsLong();
    long deadline = t0 + budget.toNanos();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> new Thread(r, "warm-up"));
    Steadiness steadiness = new Steadiness();
    CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
    try {
      List<Future<?>> loops = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t * documents.size() / threads;
        loops.add(pool.submit(() -> analyse(documents, first, stop)));
      }
      long windowStart = ticker.getAsLong();
      long before = 0;
      long compiledBefore = compilingMillis(compiler);
      while (!steadiness.steady() && ticker.getAsLong() < deadline) {
        Thread.sleep(WINDOW.toMillis());
        long now = ticker.getAsLong();
        long count = analysed.get();
        long compiled = compilingMillis(compiler);
        double seconds = (now - windowStart) / 1e9;
        if (seconds <= 0) {
          continue; // no time measured: no speed either
        }
        steadiness.add(
            count, (count - before) / seconds, (compiled - compiledBefore) / 1000.0 / seconds);
        before = count;
        compiledBefore = compiled;
        windowStart = now;
        for (Future<?> loop : loops) {
          if (loop.isDone()) {
            loop.get(); // a loop that ended early ended by an exception: report it
          }
        }
      }
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("a warm-up document failed: " + e.getCause(), e.getCause());
    } finally {
      stop.set(true);
      pool.shutdownNow();
    }
    Map<String, Object> done = new LinkedHashMap<>();
    done.put("state", steadiness.steady() ? "steady" : "stopped at the time limit");
    done.put("threads", threads);
    done.put("documents", analysed.get());
    done.put("seconds", round((ticker.getAsLong() - t0) / 1e9));
    done.put("firstDocumentsPerSecond", round(steadiness.first()));
    done.put("lastDocumentsPerSecond", round(steadiness.last()));
    done.put("lastCompilerCores", round(steadiness.lastCompiling()));
    return done;
  }

  private void analyse(List<Document> documents, int first, AtomicBoolean stop) {
    AnalysisOptions options = AnalysisOptions.from(Map.of());
    Cancellation cancellation = stop::get;
    for (int i = first; !stop.get(); i = (i + 1) % documents.size()) {
      try {
        analyser.analyseToJson(documents.get(i), options, cancellation);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (RuntimeException e) {
        if (stop.get()) {
          return; // cancelled by the stop: the context says so
        }
        throw e;
      }
      analysed.incrementAndGet();
    }
  }

  /**
   * The built-in documents, inline, as a task would carry them; the id is the file's name ({@code
   * <type>.<format>}).
   */
  static List<Document> documents() {
    List<Document> documents = new ArrayList<>();
    for (String name : resource(INDEX).lines().map(String::strip).toList()) {
      if (name.isEmpty() || name.startsWith("#")) {
        continue;
      }
      String type =
          switch (name.substring(name.lastIndexOf('.') + 1)) {
            case "pdf" -> "application/pdf";
            case "csv" -> "text/csv";
            default -> "text/plain";
          };
      documents.add(
          new Document(
              name, null, Base64.getEncoder().encodeToString(bytes(FOLDER + name)), type, null));
    }
    return documents;
  }

  private static String resource(String path) {
    return new String(bytes(path), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String path) {
    try (InputStream in = AnalyserWarmUp.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("no warm-up document " + path + " on the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  /** The JIT compilers' time so far (summed over their threads), or 0 if unknown. */
  private static long compilingMillis(CompilationMXBean compiler) {
    return compiler != null && compiler.isCompilationTimeMonitoringSupported()
        ? compiler.getTotalCompilationTime()
        : 0;
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Before the task runner and the containers: they take work only once the analyser is warm. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 300;
  }

  /**
   * The speed of each window and the JIT compilers' share of it, and whether the analyser is warm:
   * the last windows no faster than the best before them, and the compilers mostly idle.
   */
  static final class Steadiness {

    /** A window this much faster (as a share) than every earlier one means it is still warming. */
    static final double GAIN = 0.05;

    /** How many windows in a row must be no faster than the best before them. */
    static final int STEADY_WINDOWS = 3;

    /** Compiling more than this share of a core in the last window means it is still warming. */
    static final double COMPILER_BUSY = 0.1;

    /**
     * The fewest documents analysed before the analyser counts as warm: on one thread the speed
     * keeps rising for about this many documents before it levels, and a plateau of a few windows
     * may come and go on the way, so steady windows alone do not prove it warm.
     */
    static final long MIN_DOCUMENTS = 16_000;

    private final List<Double> rates = new ArrayList<>();
    private double lastCompiling;
    private long documents;

    /**
     * @param documents documents analysed so far
     * @param rate documents per second in the window
     * @param compiling cores the JIT compilers used in it
     */
    void add(long documents, double rate, double compiling) {
      this.documents = documents;
      rates.add(rate);
      lastCompiling = compiling;
    }

    double lastCompiling() {
      return lastCompiling;
    }

    boolean steady() {
      if (rates.size() < STEADY_WINDOWS + 1
          || lastCompiling > COMPILER_BUSY
          || documents < MIN_DOCUMENTS) {
        return false;
      }
      for (int i = rates.size() - STEADY_WINDOWS; i < rates.size(); i++) {
        double best = rates.subList(0, i).stream().mapToDouble(Double::doubleValue).max().orElse(0);
        if (rates.get(i) > (1 + GAIN) * best) {
          return false;
        }
      }
      return true;
    }

    double first() {
      return rates.isEmpty() ? 0 : rates.get(0);
    }

    double last() {
      return rates.isEmpty() ? 0 : rates.get(rates.size() - 1);
    }
  }
}
