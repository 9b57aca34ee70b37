package io.findoc.batch.worker.execution;

import io.findoc.batch.worker.config.WorkerProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The faults of {@link WorkerProperties.Faults}, injected where the fault-injection suite needs
 * them; every method does nothing unless its fault is configured.
 */
@Component
public class InjectedFaults {

  private static final Logger LOG = LoggerFactory.getLogger(InjectedFaults.class);

  /** The exit status of a process ended by SIGKILL, which a halt here stands for. */
  static final int KILLED = 137;

  private final Path haltAfterReportFile;
  private final boolean allowCrashDocuments;

  @Autowired
  public InjectedFaults(WorkerProperties properties) {
    this(
        properties.worker().execution().faults().haltAfterReportFile(),
        properties.worker().execution().faults().allowCrashDocuments());
  }

  private InjectedFaults(Path haltAfterReportFile, boolean allowCrashDocuments) {
    this.haltAfterReportFile = haltAfterReportFile;
    this.allowCrashDocuments = allowCrashDocuments;
  }

  /** No fault at all, as in production. */
  public static InjectedFaults none() {
    return new InjectedFaults(null, false);
  }

  /**
   * A final report was acknowledged by the broker and its task's offset is not yet committable:
   * halts the process if the suite asked for it.
   */
  void reportAcknowledged() {
    if (haltAfterReportFile == null) {
      return;
    }
    try {
      if (Files.deleteIfExists(haltAfterReportFile)) {
        LOG.warn("Injected fault: halting after an acknowledged report, before its offset commit.");
        Runtime.getRuntime().halt(KILLED);
      }
    } catch (IOException e) {
      LOG.warn("Could not read the fault file {}; no fault injected.", haltAfterReportFile, e);
    }
  }

  /** Whether a document may crash the worker process ({@code simulate}'s crashDocuments). */
  public boolean allowCrashDocuments() {
    return allowCrashDocuments;
  }

  /** Ends the process at once, as a parser crashing the JVM would. */
  public void crash(String why) {
    LOG.warn("Injected fault: {}; the worker process ends now.", why);
    Runtime.getRuntime().halt(KILLED);
  }
}
