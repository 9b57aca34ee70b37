package io.findoc.batch.cli.commands;

import io.findoc.batch.cli.ExitCode;
import io.findoc.batch.cli.output.Column;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code findoc webhooks ...}: the tenant's webhook endpoints and their deliveries. */
@Command(
    name = "webhooks",
    description = "The tenant's webhook endpoints and their deliveries.",
    subcommands = {
      WebhooksCommand.ListHooks.class,
      WebhooksCommand.Show.class,
      WebhooksCommand.Create.class,
      WebhooksCommand.Enable.class,
      WebhooksCommand.Disable.class,
      WebhooksCommand.Delete.class,
      WebhooksCommand.RotateSecret.class,
      WebhooksCommand.Deliveries.class,
      WebhooksCommand.Redeliver.class
    })
public class WebhooksCommand {

  static final List<Column> COLUMNS =
      List.of(
          Column.field("ID", "id"),
          Column.field("ENABLED", "enabled"),
          Column.field("JOB", "jobId"),
          Column.field("URL", "url"));

  static final String BASE = "/api/webhooks";

  static String describe(JsonNode hook) {
    StringBuilder text =
        new StringBuilder("webhook ")
            .append(hook.path("id").asString())
            .append("\n  url      ")
            .append(hook.path("url").asString())
            .append("\n  enabled  ")
            .append(hook.path("enabled").asBoolean());
    if (hook.hasNonNull("disabledReason")) {
      text.append(" (").append(hook.get("disabledReason").asString()).append(')');
    }
    text.append("\n  events   ").append(hook.path("eventTypes"));
    if (hook.hasNonNull("jobId")) {
      text.append("\n  job      ").append(hook.get("jobId").asString());
    }
    if (hook.hasNonNull("secret")) {
      text.append("\n  secret   ")
          .append(hook.get("secret").asString())
          .append(" (shown this once)");
    }
    return text.toString();
  }

  @Command(name = "list", description = "The tenant's endpoints.")
  static class ListHooks extends ApiCommand {
    @Override
    protected int run() {
      printer().list(api().get(BASE), COLUMNS);
      return ExitCode.SUCCEEDED;
    }
  }

  @Command(name = "show", description = "One endpoint.")
  static class Show extends ApiCommand {
    @Parameters(paramLabel = "WEBHOOK")
    String id;

    @Override
    protected int run() {
      printer().item(api().get(BASE + "/" + id), WebhooksCommand::describe);
      return ExitCode.SUCCEEDED;
    }
  }

  @Command(name = "create", description = "A new endpoint; its signing secret is shown once.")
  static class Create extends ApiCommand {
    @Parameters(paramLabel = "URL")
    String url;

    @Option(names = "--event", paramLabel = "TYPE", description = "an event type (default: all)")
    List<String> events;

    @Option(names = "--job", paramLabel = "JOB", description = "only this job's events")
    String job;

    @Override
    protected int run() {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("url", url);
      body.put("eventTypes", events);
      body.put("jobId", job);
      printer().item(api().post(BASE, body), WebhooksCommand::describe);
      return ExitCode.SUCCEEDED;
    }
  }

  @Command(name = "enable", description = "Deliver to the endpoint again.")
  static class Enable extends ApiCommand {
    @Parameters(paramLabel = "WEBHOOK")
    String id;

    @Override
    protected int run() {
      printer()
          .item(api().patch(BASE + "/" + id, Map.of("enabled", true)), WebhooksCommand::describe);
      return ExitCode.SUCCEEDED;
    }
  }

  @Command(name = "disable", description = "Stop delivering to the endpoint.")
  static class Disable extends ApiCommand {
    @Parameters(paramLabel = "WEBHOOK")
    String id;

    @Override
    protected int run() {
      printer()
          .item(api().patch(BASE + "/" + id, Map.of("enabled", false)), WebhooksCommand::describe);
      return ExitCode.SUCCEEDED;
    }
  }

  @Command(name = "delete", description = "Remove the endpoint.")
  static class Delete extends ApiCommand {
    @Parameters(paramLabel = "WEBHOOK")
    String id;

    @Override
    protected int run() {
      api().delete(BASE + "/" + id);
      printer().note("deleted webhook " + id);
      return ExitCode.SUCCEEDED;
    }
  }

  @Command(name = "rotate-secret", description = "A new signing secret; the old one for a while.")
  static class RotateSecret extends ApiCommand {
    @Parameters(paramLabel = "WEBHOOK")
    String id;

    @Option(names = "--overlap-seconds", description = "how long the old secret still signs")
    Long overlapSeconds;

    @Override
    protected int run() {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("overlapSeconds", overlapSeconds);
      printer()
          .item(api().post(BASE + "/" + id + "/rotate-secret", body), WebhooksCommand::describe);
      return ExitCode.SUCCEEDED;
    }
  }

  @Command(name = "deliveries", description = "The endpoint's latest deliveries.")
  static class Deliveries extends ApiCommand {
    @Parameters(paramLabel = "WEBHOOK")
    String id;

    @Option(names = "--state", description = "only deliveries in this state")
    String state;

    @Override
    protected int run() {
      Map<String, Object> query = new LinkedHashMap<>();
      query.put("state", state);
      printer()
          .list(
              api()
                  .get(
                      io.findoc.batch.cli.http.FindocApi.path(
                          BASE + "/" + id + "/deliveries", query)),
              List.of(
                  Column.field("ID", "id"),
                  Column.field("EVENT", "eventType"),
                  Column.field("STATE", "state"),
                  Column.field("ATTEMPT", "attempt"),
                  Column.field("STATUS", "responseStatus"),
                  Column.field("ERROR", "lastError")));
      return ExitCode.SUCCEEDED;
    }
  }

  @Command(name = "redeliver", description = "Send a delivery again.")
  static class Redeliver extends ApiCommand {
    @Parameters(index = "0", paramLabel = "WEBHOOK")
    String id;

    @Parameters(index = "1", paramLabel = "DELIVERY")
    String delivery;

    @Override
    protected int run() {
      printer()
          .item(
              api().post(BASE + "/" + id + "/deliveries/" + delivery + "/redeliver", Map.of()),
              JsonNode::toPrettyString);
      return ExitCode.SUCCEEDED;
    }
  }
}
