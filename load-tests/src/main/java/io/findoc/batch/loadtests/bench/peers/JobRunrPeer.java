package io.findoc.batch.loadtests.bench.peers;

import com.zaxxer.hikari.HikariDataSource;
import io.findoc.batch.loadtests.bench.ScratchDatabase;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.jobrunr.configuration.JobRunr;
import org.jobrunr.jobs.lambdas.JobRequest;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.sql.postgres.PostgresStorageProvider;
import org.jobrunr.utils.mapper.jackson3.Jackson3JsonMapper;

/**
 * JobRunr (open-source edition) with its PostgreSQL storage in the database {@code peer_jobrunr}: a
 * background job server with one worker per FinDoc processor thread and the shortest poll interval
 * it accepts with SQL storage (5 s: it refuses less), jobs enqueued as {@code JobRequest}s in one
 * bulk call ({@code enqueue(Stream)}, which saves them in batches). Done = every job SUCCEEDED in
 * its table.
 */
final class JobRunrPeer implements Peer {

  private static final Duration POLL_INTERVAL = Duration.ofSeconds(5);

  private final HikariDataSource database;
  private final JobRequestScheduler scheduler;
  private final StorageProvider storage;
  private final int threads;

  JobRunrPeer(String adminUrl, int threads) throws Exception {
    this.threads = threads;
    this.database = ScratchDatabase.freshPool(adminUrl, "peer_jobrunr", threads + 4);
    this.storage = new PostgresStorageProvider(database);
    this.scheduler =
        JobRunr.configure()
            .useJsonMapper(new Jackson3JsonMapper())
            .useStorageProvider(storage)
            .useBackgroundJobServer(
                BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration()
                    .andWorkerCount(threads)
                    .andPollInterval(POLL_INTERVAL))
            .initialize()
            .getJobRequestScheduler();
  }

  @Override
  public String name() {
    return "jobrunr";
  }

  @Override
  public String configuration() {
    return "JobRunr "
        + Peer.versionOf(JobRunr.class, "org.jobrunr", "jobrunr")
        + ": PostgresStorageProvider on a HikariCP pool of "
        + (threads + 4)
        + ", background job server with "
        + threads
        + " workers, poll interval "
        + POLL_INTERVAL.toSeconds()
        + " s, jobs enqueued in bulk as JobRequests";
  }

  @Override
  public PeerTiming noop(int tasks) throws Exception {
    return run(tasks, IntStream.range(0, tasks).mapToObj(i -> new Noop("d" + i)));
  }

  @Override
  public PeerTiming documents(List<String> uris) throws Exception {
    return run(uris.size(), uris.stream().map(Analyse::new));
  }

  private PeerTiming run(int count, java.util.stream.Stream<? extends JobRequest> jobs)
      throws InterruptedException {
    long succeededBefore = storage.countJobs(StateName.SUCCEEDED);
    long doneBefore = PeerWork.DONE.get();
    long t0 = System.nanoTime();
    scheduler.enqueue(jobs);
    long submitted = System.nanoTime();
    PeerWork.awaitDone(doneBefore + count, 30);
    while (storage.countJobs(StateName.SUCCEEDED) < succeededBefore + count) {
      Thread.sleep(20);
    }
    long done = System.nanoTime();
    return new PeerTiming((submitted - t0) / 1e9, (done - t0) / 1e9);
  }

  @Override
  public void close() {
    JobRunr.destroy();
    database.close();
  }

  /** A job that does nothing. */
  public record Noop(String document) implements JobRequest {
    @Override
    public Class<NoopHandler> getJobRequestHandler() {
      return NoopHandler.class;
    }
  }

  /** Runs {@link Noop}. */
  public static final class NoopHandler implements JobRequestHandler<Noop> {
    @Override
    public void run(Noop request) {
      PeerWork.noop();
    }
  }

  /** A job that analyses one document. */
  public record Analyse(String uri) implements JobRequest {
    @Override
    public Class<AnalyseHandler> getJobRequestHandler() {
      return AnalyseHandler.class;
    }
  }

  /** Runs {@link Analyse}. */
  public static final class AnalyseHandler implements JobRequestHandler<Analyse> {
    @Override
    public void run(Analyse request) {
      PeerWork.analyse(request.uri());
    }
  }
}
