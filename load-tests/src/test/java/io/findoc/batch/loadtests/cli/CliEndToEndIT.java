package io.findoc.batch.loadtests.cli;

import static io.findoc.batch.loadtests.TestHost.deleteRecursively;
import static io.findoc.batch.loadtests.TestHost.freePort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.findoc.batch.loadtests.Launcher;
import io.findoc.batch.loadtests.faults.WebhookReceiver;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The findoc client against the real stack ({@code ./findoc up}: broker, PostgreSQL, coordinator,
 * two workers as processes, on free ports), started once for every case: a folder submitted and
 * watched to the end, the exit code of each outcome, an interrupted submission resumed without a
 * duplicate job, and the progress bar in a pseudo-terminal.
 */
class CliEndToEndIT {

  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final Path TARGET = ROOT.resolve("load-tests/target");
  private static final Path VAR = TARGET.resolve("cli-e2e-var");
  private static final Path WORK = TARGET.resolve("cli-e2e");
  private static final Map<String, String> STACK = new HashMap<>();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static ClientRun client;

  @BeforeAll
  static void up() throws IOException {
    deleteRecursively(VAR);
    deleteRecursively(WORK);
    int api = freePort();
    STACK.put("FINDOC_VAR", VAR.toString());
    STACK.put("FINDOC_SKIP_BUILD", "1");
    STACK.put("FINDOC_COORDINATOR_PORT", Integer.toString(api));
    STACK.put("FINDOC_KAFKA_PORT", Integer.toString(freePort()));
    STACK.put("FINDOC_KAFKA_CONTROLLER_PORT", Integer.toString(freePort()));
    STACK.put("FINDOC_PG_PORT", Integer.toString(freePort()));
    // The webhook test's receiver listens on this machine's loopback address.
    STACK.put("FINDOC_WEBHOOKS_ALLOWLOOPBACK", "true");
    assertThat(launcher("up", "--workers", "2")).as("./findoc up").isZero();
    Map<String, String> env = new HashMap<>();
    env.put("FINDOC_URL", "http://127.0.0.1:" + api);
    env.put("FINDOC_API_KEY_FILE", VAR.resolve("demo-key").toString());
    env.put("FINDOC_CONFIG", WORK.resolve("no-config.toml").toString());
    env.put("FINDOC_STATE_DIR", WORK.resolve("state").toString());
    env.put("TERM", "xterm");
    client = new ClientRun(ROOT, WORK.resolve("runs"), env);
  }

  @AfterAll
  static void down() {
    assertThat(launcher("down")).as("./findoc down").isZero();
  }

  /** {@code findoc submit <folder> --processor <processor> <more...> --output json}. */
  private static ClientRun.Result submit(Path folder, String processor, String... more) {
    List<String> args =
        new ArrayList<>(List.of("submit", folder.toString(), "--processor", processor));
    args.addAll(List.of(more));
    args.addAll(List.of("--output", "json"));
    return client.run(args.toArray(String[]::new));
  }

  /** The id of the first job a submission printed with {@code --output json}. */
  private static String firstJob(ClientRun.Result submitted) {
    return JSON.readTree(submitted.out()).get(0).get("id").asString();
  }

  @Test
  void aFolderIsSubmittedInChunksAndWatchedToTheEnd() throws IOException {
    Path folder = documents("all-good", 40);
    ClientRun.Result run = submit(folder, "noop", "--chunk-size", "20", "--watch");
    assertThat(run.exit()).as(run.toString()).isZero();
    JsonNode jobs = JSON.readTree(run.out());
    assertThat(jobs).hasSize(2);
    for (JsonNode job : jobs) {
      assertThat(job.get("state").asString()).isEqualTo("COMPLETED");
      assertThat(job.get("counts").get("succeeded").asInt()).isEqualTo(20);
    }
    assertThat(run.err())
        .as("not a terminal: plain lines, no bar")
        .contains("findoc: done: 40/40 100%")
        .doesNotContain("\r");

    String id = jobs.get(0).get("id").asString();
    ClientRun.Result results = client.run("results", id);
    assertThat(results.exit()).isZero();
    assertThat(results.out().lines().count()).isEqualTo(20);
    ClientRun.Result listed = client.run("jobs", "list", "--output", "jsonl");
    assertThat(listed.out()).contains(id);
  }

  @Test
  void someFailedTasksExitThreeAndTheFailuresAreGrouped() throws IOException {
    Path folder = documents("some-fail", 10);
    ClientRun.Result run =
        submit(
            folder,
            "simulate",
            "--options",
            "{\"failDocuments\":[\"doc-003.txt\",\"doc-007.txt\"],\"failure\":\"permanent\"}",
            "--watch");
    assertThat(run.exit()).as(run.toString()).isEqualTo(3);
    String id = firstJob(run);
    ClientRun.Result failures = client.run("failures", id, "--output", "json");
    assertThat(JSON.readTree(failures.out()).get("failedTasks").asInt()).isEqualTo(2);
  }

  @Test
  void watchingEndsFiveOnTimeout130OnCtrlCAndFourOnCancel() throws Exception {
    Path folder = documents("hanging", 4);
    ClientRun.Result submitted = submit(folder, "simulate", "--options", "{\"hang\":true}");
    assertThat(submitted.exit()).as(submitted.toString()).isZero();
    String id = firstJob(submitted);

    ClientRun.Result timedOut = client.run("jobs", "watch", id, "--timeout", "2s");
    assertThat(timedOut.exit()).as(timedOut.toString()).isEqualTo(5);
    assertThat(timedOut.err()).contains("timed out after 2s").contains("findoc jobs watch " + id);

    Process watching = client.start(client.command("jobs", "watch", id));
    await()
        .atMost(Duration.ofMinutes(1))
        .until(() -> ClientRun.errSoFar(watching).contains("findoc: "));
    new ProcessBuilder("kill", "-INT", Long.toString(watching.pid())).start().waitFor();
    ClientRun.Result stoppedWatching = ClientRun.finish(watching, 1);
    assertThat(stoppedWatching.exit()).as(stoppedWatching.toString()).isEqualTo(130);
    assertThat(stoppedWatching.err())
        .contains("stopped watching; the jobs go on")
        .contains("findoc jobs watch " + id);

    assertThat(state(client.run("jobs", "pause", id, "--output", "json"))).isEqualTo("PAUSED");
    assertThat(state(client.run("jobs", "resume", id, "--output", "json"))).isNotEqualTo("PAUSED");
    JsonNode prioritised =
        JSON.readTree(client.run("jobs", "priority", id, "high", "--output", "json").out());
    assertThat(prioritised.get("priority").asString()).isEqualTo("high");
    assertThat(client.run("jobs", "cancel", id, "--reason", "cli test").exit()).isZero();
    ClientRun.Result cancelled = client.run("jobs", "watch", id);
    assertThat(cancelled.exit()).as(cancelled.toString()).isEqualTo(4);
  }

  @Test
  void failedTasksAreListedRetriedAndTheirHistoryAndEventsRead() throws IOException {
    Path folder = documents("retried", 6);
    ClientRun.Result run =
        submit(
            folder,
            "simulate",
            "--options",
            "{\"failDocuments\":[\"doc-002.txt\"],\"failure\":\"permanent\"}",
            "--watch");
    assertThat(run.exit()).as(run.toString()).isEqualTo(3);
    String id = firstJob(run);

    ClientRun.Result failed = client.run("tasks", id, "--state", "FAILED", "--output", "jsonl");
    assertThat(failed.out().lines().count()).as(failed.toString()).isOne();
    assertThat(failed.out()).contains("doc-002.txt");
    ClientRun.Result retried =
        client.run("retry", id, "--code", "SIMULATED_FAILURE", "--output", "json");
    assertThat(JSON.readTree(retried.out()).get("retried").asInt()).as(retried.toString()).isOne();
    assertThat(client.run("jobs", "watch", id).exit()).isEqualTo(3);
    assertThat(client.run("jobs", "history", id, "--output", "jsonl").out().lines().count())
        .isGreaterThanOrEqualTo(3);
    ClientRun.Result events = client.run("events", "tail", "--job", id, "--output", "jsonl");
    assertThat(events.exit()).as("as jobs watch: some tasks failed; %s", events).isEqualTo(3);
    assertThat(events.out()).contains(id);
  }

  @Test
  void theAdminMakesATenantAndAKeyThatIsShownOnceAndNeverListed() throws IOException {
    String admin = VAR.resolve("admin-key").toString();
    assertThat(client.run("keys", "add-tenant", "cli-test", "--api-key-file", admin).exit())
        .isZero();
    ClientRun.Result created =
        client.run(
            "keys",
            "create",
            "cli-test",
            "--role",
            "submitter",
            "--api-key-file",
            admin,
            "--output",
            "json");
    assertThat(created.exit()).as(created.toString()).isZero();
    String key = JSON.readTree(created.out()).get("key").asString();
    ClientRun.Result listed =
        client.run("keys", "list", "cli-test", "--api-key-file", admin, "--output", "jsonl");
    assertThat(listed.out().lines()).hasSize(1);
    assertThat(listed.out()).doesNotContain(key);
    ClientRun.Result config = client.run("config", "--api-key-file", admin);
    assertThat(config.out() + config.err())
        .contains("--api-key-file")
        .doesNotContain(Files.readString(Path.of(admin)).strip());
  }

  @Test
  void anInterruptedSubmitResumesWithoutDuplicateJobs() throws Exception {
    Path folder = documents("resumed", 60);
    String[] submit = {
      "submit",
      folder.toString(),
      "--name",
      "resumed",
      "--processor",
      "noop",
      "--chunk-size",
      "2",
      "--output",
      "jsonl"
    };
    Process first = client.start(client.command(submit));
    await()
        .atMost(Duration.ofMinutes(2))
        .until(() -> ClientRun.errSoFar(first).contains("chunk 2/30 accepted"));
    new ProcessBuilder("kill", "-INT", Long.toString(first.pid())).start().waitFor();
    ClientRun.Result stopped = ClientRun.finish(first, 2);
    assertThat(stopped.exit()).as(stopped.toString()).isEqualTo(130);
    assertThat(stopped.err()).contains("Run the same command again");
    Set<String> before = ids(stopped.out());
    assertThat(before).hasSizeBetween(2, 29);

    ClientRun.Result resumed = client.run(submit);
    assertThat(resumed.exit()).as(resumed.toString()).isZero();
    assertThat(resumed.err()).contains("was submitted before");
    Set<String> all = ids(resumed.out());
    assertThat(all).hasSize(30).containsAll(before);

    // Without the local journal the API's idempotency keys still give the same jobs.
    deleteRecursively(WORK.resolve("state"));
    ClientRun.Result again = client.run(submit);
    assertThat(again.exit()).as(again.toString()).isZero();
    assertThat(ids(again.out())).isEqualTo(all);

    ClientRun.Result listed = client.run("jobs", "list", "--limit", "1000", "--output", "jsonl");
    long named =
        listed
            .out()
            .lines()
            .map(JSON::readTree)
            .filter(job -> job.get("name").asString().startsWith("resumed ["))
            .count();
    assertThat(named).as("jobs of the resumed submission").isEqualTo(30);
  }

  @Test
  void theProgressBarIsDrawnInPlaceInAPseudoTerminal() throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/script")),
        "script(1) of util-linux gives the client a pseudo-terminal; it is not installed");
    Path folder = documents("terminal", 30);
    // script(1) runs the client on a pseudo-terminal and copies what it drew to its stdout.
    String command =
        String.join(
            " ",
            client
                .command(
                    "submit",
                    folder.toString(),
                    "--processor",
                    "simulate",
                    "--options",
                    "'{\"sleepMs\":200}'",
                    "--watch")
                .stream()
                .map(arg -> arg.startsWith("'") ? arg : "'" + arg + "'")
                .toList());
    Process process = client.start(List.of("script", "-q", "-e", "-c", command, "/dev/null"));
    ClientRun.Result run = ClientRun.finish(process, 3);
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("\r\033[K[")
        .contains("/s | ETA")
        .contains("30/30 100%")
        .doesNotContain("findoc: done:");
  }

  @Test
  void theTenantsEventsAreTailedUntilCtrlCAndResumedAfterTheLastOne() throws Exception {
    Path folder = documents("tailed", 2);
    Process tail = client.start(client.command("events", "tail", "--output", "jsonl"));
    Thread.sleep(2000); // the stream starts with the events to come
    ClientRun.Result run = submit(folder, "noop", "--watch");
    assertThat(run.exit()).as(run.toString()).isZero();
    String id = firstJob(run);
    await()
        .atMost(Duration.ofMinutes(1))
        .until(() -> ClientRun.outSoFar(tail).contains("batch.job.completed"));
    new ProcessBuilder("kill", "-INT", Long.toString(tail.pid())).start().waitFor();
    ClientRun.Result tailed = ClientRun.finish(tail, 1);
    assertThat(tailed.exit()).as(tailed.toString()).isEqualTo(130);
    List<JsonNode> events = tailed.out().lines().map(JSON::readTree).toList();
    assertThat(events).extracting(e -> e.get("jobId").asString()).containsOnly(id);
    assertThat(events)
        .extracting(e -> e.get("type").asString())
        .startsWith("batch.job.created")
        .endsWith("batch.job.completed");
    assertThat(tailed.err()).contains("findoc events tail --since ");

    // After the first event: the others again, from the events the coordinator keeps.
    String last = events.get(events.size() - 1).get("seq").asString();
    assertThat(tailed.err()).contains("findoc events tail --since " + last);
    String first = events.get(0).get("seq").asString();
    Process resumed =
        client.start(client.command("events", "tail", "--since", first, "--output", "jsonl"));
    await()
        .atMost(Duration.ofMinutes(1))
        .until(() -> ClientRun.outSoFar(resumed).contains("batch.job.completed"));
    new ProcessBuilder("kill", "-INT", Long.toString(resumed.pid())).start().waitFor();
    ClientRun.Result again = ClientRun.finish(resumed, 1);
    List<String> types =
        again.out().lines().map(JSON::readTree).map(e -> e.get("type").asString()).toList();
    assertThat(types).doesNotContain("batch.job.created").contains("batch.job.completed");
  }

  @Test
  void aSecondCtrlCAbortsASubmitAtOnce() throws Exception {
    Path folder = documents("aborted", 50);
    // An API that takes the request and never answers: the chunk being sent never ends.
    try (ServerSocket silent = new ServerSocket(0)) {
      List<java.net.Socket> accepted = new java.util.concurrent.CopyOnWriteArrayList<>();
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    accepted.add(silent.accept());
                  }
                } catch (IOException closed) {
                  // The test is over.
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      Process submit =
          client.start(
              client.command(
                  "submit",
                  folder.toString(),
                  "--url",
                  "http://127.0.0.1:" + silent.getLocalPort(),
                  "--processor",
                  "noop",
                  "--chunk-size",
                  "1"));
      await().atMost(Duration.ofMinutes(1)).until(() -> !accepted.isEmpty());
      Thread.sleep(500); // the client is sending chunk 1 and waits for its answer
      new ProcessBuilder("kill", "-INT", Long.toString(submit.pid())).start().waitFor();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> ClientRun.errSoFar(submit).contains("Ctrl-C again aborts at once"));
      Thread.sleep(1000);
      assertThat(submit.isAlive()).as("the first Ctrl-C waits for the chunk being sent").isTrue();
      new ProcessBuilder("kill", "-INT", Long.toString(submit.pid())).start().waitFor();
      assertThat(submit.waitFor(10, java.util.concurrent.TimeUnit.SECONDS))
          .as("the second Ctrl-C ends it at once")
          .isTrue();
      ClientRun.Result aborted = ClientRun.finish(submit, 1);
      assertThat(aborted.exit()).as(aborted.toString()).isEqualTo(130);
      assertThat(aborted.err()).contains("findoc: aborted.").doesNotContain("stopped after");
      for (java.net.Socket socket : accepted) {
        socket.close();
      }
    }
  }

  @Test
  void anInterruptedSubmitWhoseFilesChangedIsNotResumed() throws Exception {
    Path folder = documents("changed", 30);
    String[] submit = {
      "submit",
      folder.toString(),
      "--name",
      "changed",
      "--processor",
      "noop",
      "--chunk-size",
      "1",
      "--output",
      "jsonl"
    };
    Process first = client.start(client.command(submit));
    await()
        .atMost(Duration.ofMinutes(2))
        .until(() -> ClientRun.errSoFar(first).contains("chunk 2/30 accepted"));
    new ProcessBuilder("kill", "-INT", Long.toString(first.pid())).start().waitFor();
    ClientRun.Result stopped = ClientRun.finish(first, 2);
    assertThat(stopped.exit()).as(stopped.toString()).isEqualTo(130);
    Set<String> before = ids(stopped.out());
    Files.writeString(folder.resolve("doc-001.txt"), "Invoice changed 1\nTotal 999.00 EUR\n");

    ClientRun.Result refused = client.run(submit);
    assertThat(refused.exit()).as(refused.toString()).isEqualTo(2);
    assertThat(refused.err())
        .contains("chunk 1/30 (doc-001.txt) was accepted as job")
        .contains("Nothing was sent");
    ClientRun.Result listed = client.run("jobs", "list", "--limit", "1000", "--output", "jsonl");
    long named =
        listed
            .out()
            .lines()
            .map(JSON::readTree)
            .filter(job -> job.get("name").asString().startsWith("changed ["))
            .count();
    assertThat(named).as("jobs of the changed submission: none more").isEqualTo(before.size());
  }

  @Test
  void aWebhookIsCreatedListedDeliveredToRedeliveredAndDeleted() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      ClientRun.Result created =
          client.run(
              "webhooks",
              "create",
              receiver.url(),
              "--event",
              "batch.job.completed",
              "--output",
              "json");
      assertThat(created.exit()).as(created.toString()).isZero();
      JsonNode endpoint = JSON.readTree(created.out());
      String id = endpoint.get("id").asString();
      receiver.secret(endpoint.get("secret").asString());
      assertThat(client.run("webhooks", "list", "--output", "jsonl").out()).contains(id);

      Path folder = documents("hooked", 2);
      ClientRun.Result run = submit(folder, "noop", "--watch");
      assertThat(run.exit()).as(run.toString()).isZero();
      String job = firstJob(run);
      await()
          .atMost(Duration.ofMinutes(1))
          .until(() -> receiver.received().stream().anyMatch(r -> job.equals(r.jobId())));
      assertThat(receiver.received()).allSatisfy(r -> assertThat(r.signatureValid()).isTrue());

      JsonNode delivery =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () ->
                      client
                          .run("webhooks", "deliveries", id, "--output", "jsonl")
                          .out()
                          .lines()
                          .map(JSON::readTree)
                          .filter(d -> d.get("state").asString().equals("SUCCEEDED"))
                          .findFirst()
                          .orElse(null),
                  java.util.Objects::nonNull);
      int before = receiver.received().size();
      ClientRun.Result redelivered =
          client.run("webhooks", "redeliver", id, delivery.get("id").asString());
      assertThat(redelivered.exit()).as(redelivered.toString()).isZero();
      await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() > before);

      assertThat(client.run("webhooks", "delete", id).exit()).isZero();
      assertThat(client.run("webhooks", "list", "--output", "jsonl").out()).doesNotContain(id);
    }
  }

  @Test
  void aPrivateWebhookAddressIsRefused() {
    ClientRun.Result refused =
        client.run("webhooks", "create", "http://10.1.2.3/hook", "--output", "json");
    assertThat(refused.exit()).as(refused.toString()).isEqualTo(1);
    assertThat(refused.err()).contains("url");
  }

  private static String state(ClientRun.Result run) {
    assertThat(run.exit()).as(run.toString()).isZero();
    return JSON.readTree(run.out()).get("state").asString();
  }

  private static Set<String> ids(String jsonl) {
    Set<String> ids = new HashSet<>();
    jsonl
        .lines()
        .filter(l -> !l.isBlank())
        .forEach(l -> ids.add(JSON.readTree(l).get("id").asString()));
    return ids;
  }

  private static Path documents(String name, int count) throws IOException {
    Path folder = WORK.resolve("documents").resolve(name);
    Files.createDirectories(folder);
    for (int i = 1; i <= count; i++) {
      Files.writeString(
          folder.resolve(String.format("doc-%03d.txt", i)),
          "Invoice " + name + " " + i + "\nTotal " + (100 + i) + ".00 EUR\n");
    }
    return folder;
  }

  private static int launcher(String... args) {
    return Launcher.run(ROOT, STACK, Duration.ofMinutes(6), args);
  }
}
