package io.findoc.batch.cli.commands;

import io.findoc.batch.cli.config.ClientSettings;
import io.findoc.batch.cli.config.SettingsResolver;
import io.findoc.batch.cli.http.FindocApi;
import io.findoc.batch.cli.output.OutputFormat;
import io.findoc.batch.cli.output.Printer;
import io.findoc.batch.cli.watch.JobWatcher;
import io.findoc.batch.cli.watch.PeriodicLines;
import io.findoc.batch.cli.watch.ProgressView;
import io.findoc.batch.cli.watch.TerminalBar;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;

/**
 * A command that talks to the API: the options every one has (where the API is, its key, the output
 * format) and what it builds from them.
 */
public abstract class ApiCommand implements Callable<Integer> {

  Context context;

  @Option(
      names = "--url",
      paramLabel = "URL",
      description = "the API (default: FINDOC_URL, the config file, http://127.0.0.1:8080)")
  String url;

  @Option(
      names = "--api-key-file",
      paramLabel = "FILE",
      description = "a file holding the API key (default: FINDOC_API_KEY, the config file)")
  Path apiKeyFile;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "the config file (default: FINDOC_CONFIG, ~/.config/findoc/config.toml)")
  Path config;

  @Option(names = "--output", paramLabel = "FORMAT", description = "text (default), json or jsonl")
  OutputFormat output = OutputFormat.text;

  @Override
  public Integer call() {
    return run();
  }

  protected abstract int run();

  /** Extra file roots given on the command line (only submit has the flag). */
  List<Path> fileRootFlags() {
    return null;
  }

  protected ClientSettings settings() {
    return new SettingsResolver(context.env())
        .resolve(new SettingsResolver.Flags(url, apiKeyFile, fileRootFlags(), config));
  }

  protected FindocApi api() {
    return new FindocApi(settings(), context.json());
  }

  protected Printer printer() {
    return new Printer(output, context.out(), context.json());
  }

  protected ProgressView progressView() {
    return context.terminal()
        ? new TerminalBar(context.err())
        : new PeriodicLines(context.err(), context.clock(), Duration.ofSeconds(5));
  }

  protected JobWatcher watcher(FindocApi api) {
    return new JobWatcher(api, progressView(), context.interrupts().get(), context.clock());
  }
}
