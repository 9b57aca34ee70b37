package io.findoc.batch.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.findoc.batch.cli.ExitCode;
import io.findoc.batch.cli.Findoc;
import io.findoc.batch.cli.output.OutputFormat;
import io.findoc.batch.cli.watch.Interrupts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tools.jackson.databind.json.JsonMapper;

/** Parsing, usage errors and the exit codes of errors, without an API. */
class CommandLineTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Map<String, String> env = new HashMap<>();

  private Context context() {
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    return new Context(
        env,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        errStream,
        Clock.systemUTC(),
        () -> Interrupts.none(errStream),
        false,
        JsonMapper.builder().build());
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void submitParsesEveryFlag() {
    CommandLine.ParseResult parsed =
        Findoc.commandLine(context())
            .parseArgs(
                "submit",
                "docs/",
                "--processor",
                "simulate",
                "--priority",
                "high",
                "--options",
                "{\"sleepMs\":5}",
                "--webhook",
                "https://example.com/hook",
                "--depends-on",
                "0b5c7c1e-5d0a-4bd4-9a55-6f3c4c2f9f1e",
                "--deadline",
                "2h",
                "--chunk-size",
                "50",
                "--watch",
                "--timeout",
                "90s",
                "--output",
                "jsonl");
    SubmitCommand submit = (SubmitCommand) parsed.subcommand().commandSpec().userObject();
    assertThat(submit.inputs).containsExactly(Path.of("docs/"));
    assertThat(submit.processor).isEqualTo("simulate");
    assertThat(submit.chunkSize).isEqualTo(50);
    assertThat(submit.watch).isTrue();
    assertThat(submit.timeout).isEqualTo(Duration.ofSeconds(90));
    assertThat(submit.webhooks).containsExactly("https://example.com/hook");
    assertThat(submit.output).isEqualTo(OutputFormat.jsonl);
  }

  @Test
  void jobsWatchTakesSeveralJobsAndATimeout() {
    CommandLine.ParseResult parsed =
        Findoc.commandLine(context()).parseArgs("jobs", "watch", "a", "b", "--timeout", "PT2M");
    JobsCommand.Watch watch =
        (JobsCommand.Watch) parsed.subcommand().subcommand().commandSpec().userObject();
    assertThat(watch.jobs).containsExactly("a", "b");
    assertThat(watch.timeout).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    assertThat(Findoc.run(context(), "jobs", "list", "--bogus")).isEqualTo(ExitCode.USAGE);
    assertThat(err()).contains("Unknown option: '--bogus'");
  }

  @Test
  void aMissingArgumentIsAUsageError() {
    assertThat(Findoc.run(context(), "submit")).isEqualTo(ExitCode.USAGE);
    assertThat(Findoc.run(context(), "jobs", "show")).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void aBadDurationIsAUsageError() {
    assertThat(Findoc.run(context(), "jobs", "watch", "x", "--timeout", "soon"))
        .isEqualTo(ExitCode.USAGE);
    assertThat(err()).contains("'soon' is not a duration");
  }

  @Test
  void optionsThatAreNotAJsonObjectAreAUsageError() {
    env.put("FINDOC_URL", "http://127.0.0.1:1");
    assertThat(Findoc.run(context(), "submit", Path.of("pom.xml").toString(), "--options", "[1,2]"))
        .isEqualTo(ExitCode.USAGE);
    assertThat(err()).contains("--options must be a JSON object");
  }

  @Test
  void anUnreachableApiIsExitOneWithAClearMessage() {
    env.put("FINDOC_URL", "http://127.0.0.1:1");
    assertThat(Findoc.run(context(), "jobs", "list")).isEqualTo(ExitCode.ERROR);
    assertThat(err()).contains("cannot reach the API at http://127.0.0.1:1");
  }

  @Test
  void aMalformedUrlIsAUsageError() {
    env.put("FINDOC_URL", "not a url");
    assertThat(Findoc.run(context(), "jobs", "list")).isEqualTo(ExitCode.USAGE);
    assertThat(err()).contains("FINDOC_URL");
  }

  @Test
  void configShowsWhereSettingsCameFromButNeverTheKey() {
    env.put("FINDOC_URL", "http://api.example");
    env.put("FINDOC_API_KEY", "fdk_very.secret");
    env.put("FINDOC_CONFIG", "/nonexistent/config.toml");
    assertThat(Findoc.run(context(), "config")).isEqualTo(ExitCode.SUCCEEDED);
    String shown = out.toString(StandardCharsets.UTF_8);
    assertThat(shown).contains("http://api.example").contains("FINDOC_API_KEY").contains("set");
    assertThat(shown + err()).doesNotContain("very.secret");
  }
}
