package io.findoc.batch.worker.config;

import io.findoc.batch.common.message.Priority;
import io.findoc.batch.common.topic.TopicNames;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Everything configurable in the worker, under {@code findoc.*}.
 *
 * @param topics topic names ({@code findoc.topics.*}); defaults in {@link TopicNames#DEFAULTS}
 * @param worker this worker's identity, and how it takes, runs and reports tasks ({@code
 *     findoc.worker.*})
 */
@ConfigurationProperties("findoc")
public record WorkerProperties(@DefaultValue TopicNames topics, @DefaultValue Worker worker) {

  /**
   * The worker's own settings. They are bound flat, as {@code findoc.worker.<name>} (so {@code
   * findoc.worker.threads}, {@code FINDOC_WORKER_WARMUP}), and handed to the code in three parts:
   * {@link Intake} (what the worker takes off Kafka, and when), {@link Execution} (how it runs
   * attempts) and {@link Reporting} (what it tells the coordinator, and how often). Each setting
   * and its default is described on the record it belongs to.
   */
  public static final class Worker {

    private final String id;
    private final Intake intake;
    private final Execution execution;
    private final Reporting reporting;

    /**
     * Binds {@code findoc.worker.*}; the parameters are those of {@link Intake}, {@link Execution}
     * and {@link Reporting}, by the same names.
     *
     * @param id how this worker signs its reports (default {@code <host>-<pid>})
     */
    public Worker(
        String id,
        Integer threads,
        Integer cpuThreads,
        Integer maxInFlight,
        @DefaultValue Weights weights,
        @DefaultValue(Reporting.DEFAULT_STARTED_REPORT_AFTER) Duration startedReportAfter,
        @DefaultValue(Reporting.DEFAULT_HEARTBEAT_INTERVAL) Duration heartbeatInterval,
        @DefaultValue(Reporting.DEFAULT_REPORT_RETRY_PAUSE) Duration reportRetryPause,
        @DefaultValue(Execution.DEFAULT_SHUTDOWN_GRACE) Duration shutdownGrace,
        @DefaultValue(Intake.DEFAULT_CONTROL_CATCH_UP) Duration controlCatchUp,
        @DefaultValue Analysis analysis,
        @DefaultValue(Reporting.DEFAULT_STATUS_INTERVAL) Duration statusInterval,
        @DefaultValue Resources resources,
        @DefaultValue(Execution.DEFAULT_ATTEMPT_TIMEOUT) Duration attemptTimeout,
        Path crashJournal,
        @DefaultValue Faults faults,
        @DefaultValue(Intake.DEFAULT_WARM_UP) Duration warmUp) {
      if (id == null || id.isBlank()) {
        id = ManagementFactory.getRuntimeMXBean().getName().replace('@', '-');
      } else if (crashJournal == null) {
        crashJournal =
            Path.of(System.getProperty("java.io.tmpdir"), "findoc-worker-" + id + ".journal");
      }
      this.id = id;
      this.execution =
          new Execution(
              threads == null ? Execution.defaultThreads() : threads,
              cpuThreads == null ? Runtime.getRuntime().availableProcessors() : cpuThreads,
              weights,
              attemptTimeout,
              shutdownGrace,
              crashJournal,
              analysis,
              faults);
      this.intake =
          new Intake(
              maxInFlight == null ? Intake.defaultMaxInFlight(execution.allThreads()) : maxInFlight,
              controlCatchUp,
              resources,
              warmUp);
      if (intake.maxInFlight() < execution.threads()) {
        throw new IllegalArgumentException(
            "findoc.worker.max-in-flight ("
                + intake.maxInFlight()
                + ") must be at least findoc.worker.threads ("
                + execution.threads()
                + ")");
      }
      this.reporting =
          new Reporting(startedReportAfter, heartbeatInterval, reportRetryPause, statusInterval);
    }

    /** How this worker signs its reports and names its consumers. */
    public String id() {
      return id;
    }

    /** What the worker takes off Kafka, and when. */
    public Intake intake() {
      return intake;
    }

    /** How the worker runs attempts. */
    public Execution execution() {
      return execution;
    }

    /** What the worker tells the coordinator, and how often. */
    public Reporting reporting() {
      return reporting;
    }
  }

  /**
   * What the worker takes off Kafka, and when ({@code findoc.worker.*}).
   *
   * @param maxInFlight the most tasks of one priority taken off Kafka and not yet reported done
   *     (each priority has a budget of its own); the intake throttle keeps fewer while tasks take
   *     long, and stops fetching that priority at its budget until half are done (default {@value
   *     #MAX_IN_FLIGHT_PER_THREAD} times all processor threads, at least {@value
   *     #MIN_DEFAULT_MAX_IN_FLIGHT}; never fewer than {@code threads})
   * @param controlCatchUp how long a starting worker waits to read the control topic up to its end
   *     before it takes tasks; after that it warns and takes them anyway (default {@value
   *     #DEFAULT_CONTROL_CATCH_UP})
   * @param resources the CPU and heap ceilings above which the worker holds its intake ({@code
   *     findoc.worker.resources.*})
   * @param warmUp the longest the worker warms its analyser on built-in documents before it takes
   *     work, stopping earlier once it is warm (default {@value #DEFAULT_WARM_UP}; 0 turns it off):
   *     a fresh JVM runs the analyser slowly until its JIT compiler has caught up
   */
  public record Intake(
      int maxInFlight, Duration controlCatchUp, Resources resources, Duration warmUp) {

    public static final String DEFAULT_CONTROL_CATCH_UP = "30s";
    public static final String DEFAULT_WARM_UP = "60s";
    public static final int MAX_IN_FLIGHT_PER_THREAD = 4;
    public static final int MIN_DEFAULT_MAX_IN_FLIGHT = 256;

    public Intake {
      if (warmUp.isNegative()) {
        throw new IllegalArgumentException(
            "findoc.worker.warm-up must not be negative, is " + warmUp);
      }
    }

    static int defaultMaxInFlight(int allThreads) {
      return Math.max(MIN_DEFAULT_MAX_IN_FLIGHT, MAX_IN_FLIGHT_PER_THREAD * allThreads);
    }
  }

  /**
   * How the worker runs attempts ({@code findoc.worker.*}).
   *
   * @param threads processor threads for processors that wait ({@code Workload.IO}: the {@code
   *     simulate} processor, and any that calls other services): such tasks run at once (default
   *     {@value #IO_THREADS_PER_CORE} per available core)
   * @param cpuThreads processor threads for processors that compute ({@code Workload.CPU}: {@code
   *     findoc.analyze}): default the cores the process may use ({@code
   *     Runtime.availableProcessors()}, which reads a container's CPU limit), as more threads would
   *     only queue for the cores
   * @param weights how processor threads share out among the priorities that have tasks waiting
   *     ({@code findoc.worker.weights.*})
   * @param attemptTimeout how long one attempt may run before the worker stops it (interrupting its
   *     thread) and reports it failed with the retryable {@code ATTEMPT_TIMEOUT}, so a document
   *     that hangs its processor every time fails after the job's attempts (default {@value
   *     #DEFAULT_ATTEMPT_TIMEOUT}; a processor that ignores interrupts keeps its thread until it
   *     returns)
   * @param shutdownGrace how long a stopping worker lets running tasks finish (default {@value
   *     #DEFAULT_SHUTDOWN_GRACE})
   * @param crashJournal the file that tells a worker's next process which attempts were running
   *     when this one ended without stopping, so that a document that crashes its process is
   *     reported failed ({@code WORKER_CRASHED}) when it comes again instead of crashing the worker
   *     again (see {@code CrashJournal}); keep it where the next process of this worker finds it (a
   *     pod's {@code emptyDir}). Default: {@code findoc-worker-<id>.journal} in the temporary
   *     directory when {@code id} is set, none otherwise (the default id changes with every
   *     process)
   * @param analysis the limits of the {@code findoc.analyze} processor ({@code
   *     findoc.worker.analysis.*})
   * @param faults faults the fault-injection suite injects into a real worker process; all off by
   *     default ({@code findoc.worker.faults.*})
   */
  public record Execution(
      int threads,
      int cpuThreads,
      Weights weights,
      Duration attemptTimeout,
      Duration shutdownGrace,
      Path crashJournal,
      Analysis analysis,
      Faults faults) {

    public static final String DEFAULT_ATTEMPT_TIMEOUT = "15m";
    public static final String DEFAULT_SHUTDOWN_GRACE = "30s";
    public static final int IO_THREADS_PER_CORE = 4;

    public Execution {
      if (threads < 1) {
        throw new IllegalArgumentException(
            "findoc.worker.threads must be at least 1, is " + threads);
      }
      if (cpuThreads < 1) {
        throw new IllegalArgumentException(
            "findoc.worker.cpu-threads must be at least 1, is " + cpuThreads);
      }
    }

    static int defaultThreads() {
      return IO_THREADS_PER_CORE * Runtime.getRuntime().availableProcessors();
    }

    /** The processor threads of both workloads. */
    public int allThreads() {
      return threads + cpuThreads;
    }
  }

  /**
   * What the worker tells the coordinator, and how often ({@code findoc.worker.*}).
   *
   * @param startedReportAfter attempts still running after this long report {@code STARTED};
   *     shorter ones report only their result, which carries the start time (default {@value
   *     #DEFAULT_STARTED_REPORT_AFTER}; 0 reports every start at once)
   * @param heartbeatInterval how often an attempt reported {@code STARTED} reports {@code
   *     HEARTBEAT} while it runs, which extends its lease at the coordinator (default {@value
   *     #DEFAULT_HEARTBEAT_INTERVAL}; keep it well under the coordinator's {@code
   *     findoc.lease.duration})
   * @param reportRetryPause the wait before sending a report again that the broker did not take
   *     (default {@value #DEFAULT_REPORT_RETRY_PAUSE})
   * @param statusInterval how often the worker publishes its heartbeat (id, host, tasks in flight,
   *     CPU, heap) on the workers topic for the coordinators' metrics (default {@value
   *     #DEFAULT_STATUS_INTERVAL})
   */
  public record Reporting(
      Duration startedReportAfter,
      Duration heartbeatInterval,
      Duration reportRetryPause,
      Duration statusInterval) {

    public static final String DEFAULT_STARTED_REPORT_AFTER = "200ms";
    public static final String DEFAULT_HEARTBEAT_INTERVAL = "5s";
    public static final String DEFAULT_REPORT_RETRY_PAUSE = "1s";
    public static final String DEFAULT_STATUS_INTERVAL = "5s";
  }

  /**
   * Faults the fault-injection suite ({@code ./findoc faults}) injects into a real worker process,
   * at the moments a {@code kill -9} from outside cannot aim at. All are off by default; none is
   * for production.
   *
   * @param haltAfterReportFile when this file exists, the worker halts (as {@code kill -9} would)
   *     right after the broker acknowledged a final report and before the task's offset may be
   *     committed, so that the task runs again and its report arrives twice; the file is deleted
   *     first, so the restarted worker runs normally (default none: off)
   * @param allowCrashDocuments whether the {@code simulate} processor's {@code crashDocuments}
   *     option may halt the worker, as a parser that crashes its process would (default {@value
   *     #DEFAULT_ALLOW_CRASH_DOCUMENTS}: the option fails the attempt permanently instead, so no
   *     submitter can stop workers with it)
   */
  public record Faults(
      Path haltAfterReportFile,
      @DefaultValue(DEFAULT_ALLOW_CRASH_DOCUMENTS) boolean allowCrashDocuments) {

    public static final String DEFAULT_ALLOW_CRASH_DOCUMENTS = "false";
  }

  /**
   * The shares of processor threads when several priorities have tasks waiting: with the defaults,
   * of every ten attempts started six are high, three normal and one low. A priority alone gets
   * every thread.
   *
   * @param high the weight of high-priority tasks (default {@value #DEFAULT_HIGH})
   * @param normal the weight of normal-priority tasks (default {@value #DEFAULT_NORMAL})
   * @param low the weight of low-priority tasks (default {@value #DEFAULT_LOW})
   */
  public record Weights(
      @DefaultValue(DEFAULT_HIGH) int high,
      @DefaultValue(DEFAULT_NORMAL) int normal,
      @DefaultValue(DEFAULT_LOW) int low) {

    public static final String DEFAULT_HIGH = "6";
    public static final String DEFAULT_NORMAL = "3";
    public static final String DEFAULT_LOW = "1";

    public Weights {
      atLeastOne("high", high);
      atLeastOne("normal", normal);
      atLeastOne("low", low);
    }

    private static void atLeastOne(String name, int weight) {
      if (weight < 1) {
        throw new IllegalArgumentException(
            "findoc.worker.weights."
                + name
                + " must be at least 1, so that its tasks are never starved; is "
                + weight);
      }
    }

    /** The weights by priority. */
    public Map<Priority, Integer> asMap() {
      return Map.of(Priority.HIGH, high, Priority.NORMAL, normal, Priority.LOW, low);
    }
  }

  /**
   * Where {@code findoc.analyze} may read documents from, and what one document may cost.
   *
   * @param fileRoots folders {@code file://} documents may come from, symbolic links resolved;
   *     anything else is refused with {@code DOC_PATH_NOT_ALLOWED} (default none: no files)
   * @param allowedHosts http(s) hosts (names or address literals, as written in URIs) exempt from
   *     the SSRF guard, for internal document stores (default none)
   * @param allowLoopback whether http(s) documents may come from loopback addresses, for demos and
   *     tests (default {@value #DEFAULT_ALLOW_LOOPBACK})
   * @param maxDocumentBytes the largest document read, inline, from a file or over HTTP, counted
   *     while reading (default {@value #DEFAULT_MAX_DOCUMENT_BYTES})
   * @param connectTimeout the HTTP connect timeout (default {@value #DEFAULT_CONNECT_TIMEOUT})
   * @param readTimeout the longest wait for the next bytes of an HTTP response (default {@value
   *     #DEFAULT_READ_TIMEOUT})
   * @param maxRedirects HTTP redirects followed, each checked by the SSRF guard (default {@value
   *     #DEFAULT_MAX_REDIRECTS})
   * @param fetchDeadline how long one HTTP fetch may take in all, redirects and body included; past
   *     it the fetch fails with {@code DOC_FETCH_FAILED} (default {@value #DEFAULT_FETCH_DEADLINE})
   * @param maxPdfPages PDFs with more pages fail with {@code PDF_TOO_MANY_PAGES} (default {@value
   *     #DEFAULT_MAX_PDF_PAGES})
   * @param maxPdfMemoryBytes the memory PDFBox may use for one document's stream cache; past it the
   *     document fails with {@code PDF_TOO_LARGE} (default {@value #DEFAULT_MAX_PDF_MEMORY_BYTES});
   *     it also caps what any one stream of the PDF may inflate to, measured before PDFBox decodes
   *     it
   * @param pdfMemoryBudgetBytes the PDF memory all of the worker's analyses share: each parse
   *     reserves its largest decoded stream from it, and one that does not fit fails at once with
   *     the retryable {@code PDF_MEMORY_BUSY} (default {@value #DEFAULT_PDF_MEMORY_BUDGET_BYTES},
   *     at least max-pdf-memory-bytes)
   * @param maxTextChars text extracted from one PDF beyond this fails it with {@code
   *     PDF_TOO_LARGE}, text, CSV, HTML, XML or MT940 with {@code DOC_TEXT_TOO_LARGE} (default
   *     {@value #DEFAULT_MAX_TEXT_CHARS} characters)
   * @param maxResultBytes the largest result, as JSON; longer lists are trimmed and the result
   *     marked {@code truncated} (default {@value #DEFAULT_MAX_RESULT_BYTES})
   */
  public record Analysis(
      @DefaultValue List<Path> fileRoots,
      @DefaultValue List<String> allowedHosts,
      @DefaultValue(DEFAULT_ALLOW_LOOPBACK) boolean allowLoopback,
      @DefaultValue(DEFAULT_MAX_DOCUMENT_BYTES) DataSize maxDocumentBytes,
      @DefaultValue(DEFAULT_CONNECT_TIMEOUT) Duration connectTimeout,
      @DefaultValue(DEFAULT_READ_TIMEOUT) Duration readTimeout,
      @DefaultValue(DEFAULT_MAX_REDIRECTS) int maxRedirects,
      @DefaultValue(DEFAULT_FETCH_DEADLINE) Duration fetchDeadline,
      @DefaultValue(DEFAULT_MAX_PDF_PAGES) int maxPdfPages,
      @DefaultValue(DEFAULT_MAX_PDF_MEMORY_BYTES) DataSize maxPdfMemoryBytes,
      @DefaultValue(DEFAULT_PDF_MEMORY_BUDGET_BYTES) DataSize pdfMemoryBudgetBytes,
      @DefaultValue(DEFAULT_MAX_TEXT_CHARS) int maxTextChars,
      @DefaultValue(DEFAULT_MAX_RESULT_BYTES) DataSize maxResultBytes) {

    public static final String DEFAULT_ALLOW_LOOPBACK = "false";
    public static final String DEFAULT_MAX_DOCUMENT_BYTES = "20MB";
    public static final String DEFAULT_CONNECT_TIMEOUT = "5s";
    public static final String DEFAULT_READ_TIMEOUT = "20s";
    public static final String DEFAULT_MAX_REDIRECTS = "3";
    public static final String DEFAULT_FETCH_DEADLINE = "60s";
    public static final String DEFAULT_MAX_PDF_PAGES = "500";
    public static final String DEFAULT_MAX_PDF_MEMORY_BYTES = "64MB";
    public static final String DEFAULT_PDF_MEMORY_BUDGET_BYTES = "128MB";
    public static final String DEFAULT_MAX_TEXT_CHARS = "5000000";
    public static final String DEFAULT_MAX_RESULT_BYTES = "64KB";

    public Analysis {
      if (maxRedirects < 0 || maxPdfPages < 1 || maxTextChars < 1) {
        throw new IllegalArgumentException(
            "findoc.worker.analysis: max-redirects must not be negative, max-pdf-pages and"
                + " max-text-chars must be at least 1");
      }
      if (maxResultBytes.toBytes() < 4096) {
        throw new IllegalArgumentException(
            "findoc.worker.analysis.max-result-bytes must be at least 4KB, is " + maxResultBytes);
      }
    }
  }

  /**
   * Resource ceilings: while the process's CPU (its share of the machine, averaged over the last
   * three samples) or its live heap (after the last collection, of the maximum) is above its
   * ceiling, the worker pauses every intake container (the consumers keep polling, so no rebalance)
   * and resumes once both are below again. Running tasks go on.
   *
   * @param cpuCeiling the CPU share, 0 to 1, above which intake is held (default {@value
   *     #DEFAULT_CPU_CEILING}; 1 turns it off)
   * @param heapCeiling the heap share, 0 to 1, above which intake is held (default {@value
   *     #DEFAULT_HEAP_CEILING}; 1 turns it off)
   * @param checkPeriod how often CPU and heap are sampled (default {@value #DEFAULT_CHECK_PERIOD})
   */
  public record Resources(
      @DefaultValue(DEFAULT_CPU_CEILING) double cpuCeiling,
      @DefaultValue(DEFAULT_HEAP_CEILING) double heapCeiling,
      @DefaultValue(DEFAULT_CHECK_PERIOD) Duration checkPeriod) {

    public static final String DEFAULT_CPU_CEILING = "0.8";
    public static final String DEFAULT_HEAP_CEILING = "0.8";
    public static final String DEFAULT_CHECK_PERIOD = "1s";

    public Resources {
      if (cpuCeiling <= 0 || cpuCeiling > 1 || heapCeiling <= 0 || heapCeiling > 1) {
        throw new IllegalArgumentException(
            "findoc.worker.resources.cpu-ceiling and heap-ceiling must be above 0 and at most 1");
      }
    }
  }
}
