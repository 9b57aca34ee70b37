package io.findoc.batch.cli.commands;

import io.findoc.batch.cli.ExitCode;
import io.findoc.batch.cli.config.ClientSettings;
import io.findoc.batch.cli.http.FindocApi;
import io.findoc.batch.cli.output.Printer;
import io.findoc.batch.cli.submit.Chunk;
import io.findoc.batch.cli.submit.DocumentScanner;
import io.findoc.batch.cli.submit.DocumentSending;
import io.findoc.batch.cli.submit.SubmitJournal;
import io.findoc.batch.cli.submit.Submitter;
import io.findoc.batch.cli.watch.Interrupts;
import io.findoc.batch.cli.watch.JobWatcher;
import io.findoc.batch.cli.watch.ProgressView;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code findoc submit}: documents in, jobs out; with {@code --watch}, followed to their end. */
@Command(
    name = "submit",
    description = {
      "Submit a folder, files or a manifest (.json) as one job per chunk.",
      "Files under a --file-root go as file:// references, others inline. Each chunk has an",
      "Idempotency-Key made from its content: run the same command again after an",
      "interruption and it goes on where it stopped, without duplicate jobs."
    })
public class SubmitCommand extends ApiCommand {

  @Parameters(arity = "1..*", paramLabel = "FOLDER|FILE|MANIFEST.json")
  List<Path> inputs;

  @Option(names = "--name", description = "the job's name (default: the folder's or file's)")
  String name;

  @Option(names = "--processor", description = "the processor (default: the API's)")
  String processor;

  @Option(names = "--priority", description = "high, normal or low")
  String priority;

  @Option(
      names = "--options",
      paramLabel = "JSON",
      description = "the processor's options, a JSON object")
  String options;

  @Option(names = "--webhook", paramLabel = "URL", description = "an endpoint for the job's events")
  List<String> webhooks;

  @Option(
      names = "--depends-on",
      paramLabel = "JOB",
      description = "a job that must complete first")
  List<String> dependsOn;

  @Option(
      names = "--deadline",
      paramLabel = "WHEN",
      description = "when the job should be done: an instant (2026-12-31T18:00:00Z) or in (2h)")
  String deadline;

  @Option(
      names = "--chunk-size",
      defaultValue = "1000",
      description = "documents per job (default: ${DEFAULT-VALUE})")
  int chunkSize;

  @Option(
      names = "--file-root",
      paramLabel = "DIR",
      description = "a folder the workers read too (default: FINDOC_FILE_ROOTS, the config file)")
  List<Path> fileRoots;

  @Option(names = "--watch", description = "follow the jobs to their end; the exit code says how")
  boolean watch;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "with --watch: stop watching after this long (exit 5)")
  Duration timeout;

  @Override
  List<Path> fileRootFlags() {
    return fileRoots;
  }

  @Override
  protected int run() {
    if (chunkSize < 1) {
      throw new UsageException("--chunk-size must be at least 1");
    }
    ClientSettings settings = settings();
    FindocApi api = new FindocApi(settings, context.json());
    DocumentScanner.Scanned scanned = new DocumentScanner(context.json()).scan(inputs);
    ObjectNode fields = jobFields(scanned.manifestFields());
    String jobName =
        name != null
            ? name
            : fields.path("name").isString() ? fields.get("name").asString() : defaultName();
    List<Chunk> chunks = Chunk.split(scanned.documents(), chunkSize);
    Interrupts interrupts = context.interrupts().get();
    ProgressView view = progressView();
    Submitter submitter =
        new Submitter(
            api,
            context.json(),
            SubmitJournal.open(SubmitJournal.location(context.env())),
            new DocumentSending(settings.fileRoots()),
            view,
            interrupts);
    Submitter.Result result =
        submitter.submit(
            jobName,
            fields,
            chunks,
            "Run the same command again to submit the rest; chunks already accepted are not"
                + " submitted twice.");
    Printer printer = printer();
    printWebhookSecrets(printer, result.jobs());
    if (result.stopped() || !watch) {
      printer.list(array(result.jobs()), JobsCommand.COLUMNS);
      return result.stopped() ? ExitCode.INTERRUPTED : ExitCode.SUCCEEDED;
    }
    List<String> ids = result.jobs().stream().map(j -> j.path("id").asString()).toList();
    JobWatcher.Ending ending =
        new JobWatcher(api, view, interrupts, context.clock())
            .watch(ids, timeout, "findoc jobs watch " + String.join(" ", ids));
    printer.list(array(ending.jobs()), JobsCommand.COLUMNS);
    return ending.exitCode();
  }

  private ArrayNode array(List<JsonNode> jobs) {
    ArrayNode array = context.json().createArrayNode();
    jobs.forEach(array::add);
    return array;
  }

  private ObjectNode jobFields(ObjectNode manifest) {
    ObjectNode fields = manifest.deepCopy();
    if (priority != null) {
      fields.put("priority", priority);
    }
    if (processor != null) {
      fields.put("processor", processor);
    }
    if (options != null) {
      JsonNode parsed;
      try {
        parsed = context.json().readTree(options);
      } catch (JacksonException e) {
        throw new UsageException("--options is not JSON: " + e.getOriginalMessage());
      }
      if (!parsed.isObject()) {
        throw new UsageException("--options must be a JSON object, like '{\"language\":\"en\"}'");
      }
      fields.set("options", parsed);
    }
    if (webhooks != null) {
      ArrayNode hooks = fields.putArray("webhooks");
      webhooks.forEach(url -> hooks.addObject().put("url", url));
    }
    if (dependsOn != null) {
      ArrayNode jobs = fields.putArray("dependsOn");
      dependsOn.forEach(jobs::add);
    }
    if (deadline != null) {
      fields.put("deadline", deadline(deadline).toString());
    }
    return fields;
  }

  private Instant deadline(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return context.clock().instant().plus(new DurationConverter().convert(text));
      } catch (RuntimeException notADuration) {
        throw new UsageException(
            "--deadline must be an instant (2026-12-31T18:00:00Z) or a duration (2h), not '"
                + text
                + "'");
      }
    }
  }

  private String defaultName() {
    List<String> names = new ArrayList<>();
    for (Path input : inputs) {
      Path file = input.toAbsolutePath().normalize().getFileName();
      names.add(file == null ? input.toString() : file.toString());
    }
    return names.size() == 1 ? names.get(0) : names.get(0) + " and " + (names.size() - 1) + " more";
  }

  private static void printWebhookSecrets(Printer printer, List<JsonNode> jobs) {
    for (JsonNode job : jobs) {
      for (JsonNode hook : job.path("webhooks")) {
        printer.note(
            "webhook "
                + hook.path("id").asString()
                + " of job "
                + job.path("id").asString()
                + ": signing secret "
                + hook.path("secret").asString()
                + " (shown this once)");
      }
    }
  }
}
