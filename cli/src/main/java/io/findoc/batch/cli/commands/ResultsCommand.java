package io.findoc.batch.cli.commands;

import io.findoc.batch.cli.ExitCode;
import io.findoc.batch.cli.http.FindocApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code findoc results JOB [-o file.ndjson]}: the finished tasks' results, streamed as NDJSON. */
@Command(
    name = "results",
    description = "A job's finished tasks as NDJSON (one line each), to stdout or a file.")
public class ResultsCommand extends ApiCommand {

  @Parameters(paramLabel = "JOB")
  String job;

  @Option(
      names = {"-o", "--to"},
      paramLabel = "FILE",
      description = "write to this file")
  Path file;

  @Option(names = "--state", description = "only tasks in this state (SUCCEEDED, FAILED, ...)")
  String state;

  @Override
  protected int run() {
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("state", state);
    String path = FindocApi.path("/api/batch/jobs/" + job + "/results", query);
    try (InputStream body = api().stream(path, "application/x-ndjson")) {
      if (file == null) {
        body.transferTo(context.out());
        context.out().flush();
      } else {
        try (OutputStream out = Files.newOutputStream(file)) {
          long bytes = body.transferTo(out);
          context.err().println("findoc: wrote " + bytes + " bytes to " + file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ExitCode.SUCCEEDED;
  }
}
