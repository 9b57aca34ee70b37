package io.findoc.batch.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.findoc.batch.cli.commands.ApiCommandFactory;
import io.findoc.batch.cli.commands.ConfigCommand;
import io.findoc.batch.cli.commands.Context;
import io.findoc.batch.cli.commands.EventsCommand;
import io.findoc.batch.cli.commands.FailuresCommand;
import io.findoc.batch.cli.commands.JobsCommand;
import io.findoc.batch.cli.commands.KeysCommand;
import io.findoc.batch.cli.commands.ResultsCommand;
import io.findoc.batch.cli.commands.RetryCommand;
import io.findoc.batch.cli.commands.SubmitCommand;
import io.findoc.batch.cli.commands.TasksCommand;
import io.findoc.batch.cli.commands.UsageException;
import io.findoc.batch.cli.commands.WebhooksCommand;
import io.findoc.batch.cli.config.ConfigurationException;
import io.findoc.batch.cli.submit.ChangedInputsException;
import io.findoc.batch.cli.watch.Interrupts;
import io.findoc.batch.cli.watch.Terminal;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import tools.jackson.databind.json.JsonMapper;

/** {@code findoc}: the command-line client of the FinDoc Batch API. */
@Command(
    name = "findoc",
    mixinStandardHelpOptions = true,
    version = "findoc client 0.1",
    description = "The FinDoc Batch API from the command line.",
    footer = {
      "",
      "Settings: flags, then FINDOC_URL and FINDOC_API_KEY (or FINDOC_API_KEY_FILE),",
      "then ~/.config/findoc/config.toml (url, api-key-file, file-roots).",
      "The key is never printed.",
      "Exit codes: 0 all succeeded, 1 error, 2 usage, 3 some tasks failed,",
      "4 cancelled, 5 timed out, 130 stopped with Ctrl-C (a second one aborts)."
    },
    subcommands = {
      SubmitCommand.class,
      JobsCommand.class,
      TasksCommand.class,
      FailuresCommand.class,
      RetryCommand.class,
      ResultsCommand.class,
      EventsCommand.class,
      WebhooksCommand.class,
      KeysCommand.class,
      ConfigCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Findoc {

  public static void main(String[] args) {
    // UTF-8 whatever the locale: JSON for scripts must not lose characters of document ids.
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, UTF_8);
    Context context =
        new Context(
            System.getenv(),
            out,
            err,
            Clock.systemUTC(),
            () -> Interrupts.install(err),
            Terminal.stderrIsTerminal(),
            JsonMapper.builder().build());
    System.exit(run(context, args));
  }

  /** Runs a command line; answers its {@link ExitCode}. */
  public static int run(Context context, String... args) {
    CommandLine line = commandLine(context);
    return line.execute(args);
  }

  /** The command line, parsed with {@code context}, for running or for tests of parsing. */
  public static CommandLine commandLine(Context context) {
    CommandLine line = new CommandLine(new Findoc(), new ApiCommandFactory(context));
    line.setOut(new PrintWriter(context.out(), true));
    line.setErr(new PrintWriter(context.err(), true));
    line.setCaseInsensitiveEnumValuesAllowed(true);
    line.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          cmd.getErr().println("findoc: " + e.getMessage());
          cmd.getErr().flush();
          return e instanceof UsageException
                  || e instanceof ConfigurationException
                  || e instanceof ChangedInputsException
              ? ExitCode.USAGE
              : ExitCode.ERROR;
        });
    return line;
  }
}
