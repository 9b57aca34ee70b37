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
 * @param worker this worker's identity and capacity
 */
@ConfigurationProperties("findoc")
public record WorkerProperties(@DefaultValue TopicNames topics, @DefaultValue Worker worker) {

  /**
   * @param id how this worker signs its reports (default {@code <host>-<pid>})
   * @param threads processor threads for processors that wait ({@code Workload.IO}: the {@code
   *     simulate} processor, and any that calls other services): such tasks run at once (default 4
   *     per available core, so 8 on two cores)
   * @param cpuThreads processor threads for processors that compute ({@code Workload.CPU}: {@code
   *     findoc.analyze}): default the cores the process may use ({@code
   *     Runtime.availableProcessors()}, which reads a container's CPU limit), as more threads would
   *     only queue for the cores
   * @param maxInFlight the most tasks of one priority taken off Kafka and not yet reported done;
   *     the intake throttle keeps fewer while tasks take long (about two per thread queued for
   *     tasks of a second), and stops fetching that priority at its budget until half are done
   *     (default 4 times all threads, at least 256; each priority has a budget of its own)
   * @param weights how processor threads share out among the priorities that have tasks waiting
   *     ({@code findoc.worker.weights.*})
   * @param startedReportAfter attempts still running after this long report {@code STARTED};
   *     shorter ones report only their result, which carries the start time (default 200 ms; 0
   *     reports every start at once)
   * @param heartbeatInterval how often an attempt reported {@code STARTED} reports {@code
   *     HEARTBEAT} while it runs, which extends its lease at the coordinator (default 5 s; keep it
   *     well under {@code findoc.lease.duration}, 30 s)
   * @param reportRetryPause the wait before sending a report again that the broker did not take
   *     (default 1 s)
   * @param shutdownGrace how long a stopping worker lets running tasks finish (default 30 s)
   * @param controlCatchUp how long a starting worker waits to read the control topic up to its end
   *     before it takes tasks; after that it warns and takes them anyway (default 30 s)
   * @param analysis the limits of the {@code findoc.analyze} processor ({@code
   *     findoc.worker.analysis.*})
   * @param statusInterval how often the worker publishes its heartbeat (id, host, tasks in flight,
   *     CPU, heap) on the workers topic for the coordinators' metrics (default 5 s)
   * @param resources the CPU and heap ceilings above which the worker holds its intake ({@code
   *     findoc.worker.resources.*})
   * @param attemptTimeout how long one attempt may run before the worker stops it (interrupting its
   *     thread) and reports it failed with the retryable {@code ATTEMPT_TIMEOUT}, so a document
   *     that hangs its processor every time fails after the job's attempts (default 15 min; a
   *     processor that ignores interrupts keeps its thread until it returns)
   * @param crashJournal the file that tells a worker's next process which attempts were running
   *     when this one ended without stopping, so that a document that crashes its process is
   *     reported failed ({@code WORKER_CRASHED}) when it comes again instead of crashing the worker
   *     again (see {@code CrashJournal}); keep it where the next process of this worker finds it (a
   *     pod's {@code emptyDir}). Default: {@code findoc-worker-<id>.journal} in the temporary
   *     directory when {@code id} is set, none otherwise (the default id changes with every
   *     process)
   * @param faults faults the fault-injection suite injects into a real worker process; all off by
   *     default
   * @param warmUp the longest the worker warms its analyser on built-in documents before it takes
   *     work, stopping earlier once it is warm (default 60 s; 0 turns it off): a fresh JVM runs the
   *     analyser at half speed or less until its JIT compiler has caught up
   */
  public record Worker(
      String id,
      Integer threads,
      Integer cpuThreads,
      Integer maxInFlight,
      @DefaultValue Weights weights,
      @DefaultValue("200ms") Duration startedReportAfter,
      @DefaultValue("5s") Duration heartbeatInterval,
      @DefaultValue("1s") Duration reportRetryPause,
      @DefaultValue("30s") Duration shutdownGrace,
      @DefaultValue("30s") Duration controlCatchUp,
      @DefaultValue Analysis analysis,
      @DefaultValue("5s") Duration statusInterval,
      @DefaultValue Resources resources,
      @DefaultValue("15m") Duration attemptTimeout,
      Path crashJournal,
      @DefaultValue Faults faults,
      @DefaultValue("60s") Duration warmUp) {

    public Worker {
      if (id == null || id.isBlank()) {
        id = ManagementFactory.getRuntimeMXBean().getName().replace('@', '-');
      } else if (crashJournal == null) {
        crashJournal =
            Path.of(System.getProperty("java.io.tmpdir"), "findoc-worker-" + id + ".journal");
      }
      if (threads == null) {
        threads = 4 * Runtime.getRuntime().availableProcessors();
      }
      if (threads < 1) {
        throw new IllegalArgumentException(
            "findoc.worker.threads must be at least 1, is " + threads);
      }
      if (cpuThreads == null) {
        cpuThreads = Runtime.getRuntime().availableProcessors();
      }
      if (cpuThreads < 1) {
        throw new IllegalArgumentException(
            "findoc.worker.cpu-threads must be at least 1, is " + cpuThreads);
      }
      if (warmUp.isNegative()) {
        throw new IllegalArgumentException(
            "findoc.worker.warm-up must not be negative, is " + warmUp);
      }
      if (maxInFlight == null) {
        maxInFlight = Math.max(256, 4 * (threads + cpuThreads));
      }
      if (maxInFlight < threads) {
        throw new IllegalArgumentException(
            "findoc.worker.max-in-flight ("
                + maxInFlight
                + ") must be at least findoc.worker.threads ("
                + threads
                + ")");
      }
    }
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
   *     option may halt the worker, as a parser that crashes its process would (default false: the
   *     option fails the attempt permanently instead, so no submitter can stop workers with it)
   */
  public record Faults(
      Path haltAfterReportFile, @DefaultValue("false") boolean allowCrashDocuments) {}

  /**
   * The shares of processor threads when several priorities have tasks waiting: with the defaults,
   * of every ten attempts started six are high, three normal and one low. A priority alone gets
   * every thread.
   *
   * @param high the weight of high-priority tasks (default 6)
   * @param normal the weight of normal-priority tasks (default 3)
   * @param low the weight of low-priority tasks (default 1)
   */
  public record Weights(
      @DefaultValue("6") int high, @DefaultValue("3") int normal, @DefaultValue("1") int low) {

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
   *     tests (default false)
   * @param maxDocumentBytes the largest document read, inline, from a file or over HTTP, counted
   *     while reading (default 20 MiB)
   * @param connectTimeout the HTTP connect timeout (default 5 s)
   * @param readTimeout the longest wait for the next bytes of an HTTP response (default 20 s)
   * @param maxRedirects HTTP redirects followed, each checked by the SSRF guard (default 3)
   * @param fetchDeadline how long one HTTP fetch may take in all, redirects and body included; past
   *     it the fetch fails with {@code DOC_FETCH_FAILED} (default 60 s)
   * @param maxPdfPages PDFs with more pages fail with {@code PDF_TOO_MANY_PAGES} (default 500)
   * @param maxPdfMemoryBytes the memory PDFBox may use for one document's stream cache; past it the
   *     document fails with {@code PDF_TOO_LARGE} (default 64 MiB); it also caps what any one
   *     stream of the PDF may inflate to, measured before PDFBox decodes it
   * @param pdfMemoryBudgetBytes the PDF memory all of the worker's analyses share: each parse
   *     reserves its largest decoded stream from it, and one that does not fit fails at once with
   *     the retryable {@code PDF_MEMORY_BUSY} (default 128 MiB, at least max-pdf-memory-bytes)
   * @param maxTextChars text extracted from one PDF beyond this fails it with {@code
   *     PDF_TOO_LARGE}, text, CSV, HTML, XML or MT940 with {@code DOC_TEXT_TOO_LARGE} (default
   *     5,000,000 characters)
   * @param maxResultBytes the largest result, as JSON; longer lists are trimmed and the result
   *     marked {@code truncated} (default 64 KiB)
   */
  public record Analysis(
      @DefaultValue List<Path> fileRoots,
      @DefaultValue List<String> allowedHosts,
      @DefaultValue("false") boolean allowLoopback,
      @DefaultValue("20MB") DataSize maxDocumentBytes,
      @DefaultValue("5s") Duration connectTimeout,
      @DefaultValue("20s") Duration readTimeout,
      @DefaultValue("3") int maxRedirects,
      @DefaultValue("60s") Duration fetchDeadline,
      @DefaultValue("500") int maxPdfPages,
      @DefaultValue("64MB") DataSize maxPdfMemoryBytes,
      @DefaultValue("128MB") DataSize pdfMemoryBudgetBytes,
      @DefaultValue("5000000") int maxTextChars,
      @DefaultValue("64KB") DataSize maxResultBytes) {

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
   * @param cpuCeiling the CPU share, 0 to 1, above which intake is held (default 0.8; 1 turns it
   *     off)
   * @param heapCeiling the heap share, 0 to 1, above which intake is held (default 0.8; 1 turns it
   *     off)
   * @param checkPeriod how often CPU and heap are sampled (default 1 s)
   */
  public record Resources(
      @DefaultValue("0.8") double cpuCeiling,
      @DefaultValue("0.8") double heapCeiling,
      @DefaultValue("1s") Duration checkPeriod) {

    public Resources {
      if (cpuCeiling <= 0 || cpuCeiling > 1 || heapCeiling <= 0 || heapCeiling > 1) {
        throw new IllegalArgumentException(
            "findoc.worker.resources.cpu-ceiling and heap-ceiling must be above 0 and at most 1");
      }
    }
  }
}
