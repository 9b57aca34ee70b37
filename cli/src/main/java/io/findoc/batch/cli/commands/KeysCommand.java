package io.findoc.batch.cli.commands;

import io.findoc.batch.cli.ExitCode;
import io.findoc.batch.cli.http.FindocApi;
import io.findoc.batch.cli.output.Column;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code findoc keys ...} (the platform admin key): tenants, their API keys, the audit trail. A new
 * key is shown once, on stdout, for the admin to hand on; the client's own key never is.
 */
@Command(
    name = "keys",
    description = "Tenants, their API keys and the audit trail (needs the admin key).",
    subcommands = {
      KeysCommand.Tenants.class,
      KeysCommand.AddTenant.class,
      KeysCommand.ListKeys.class,
      KeysCommand.Create.class,
      KeysCommand.Revoke.class,
      KeysCommand.Audit.class
    })
public class KeysCommand {

  static final String ADMIN = "/api/admin";

  @Command(name = "tenants", description = "Every tenant.")
  static class Tenants extends ApiCommand {
    @Override
    protected int run() {
      printer()
          .list(
              api().get(ADMIN + "/tenants"),
              List.of(
                  Column.field("ID", "id"),
                  Column.field("NAME", "name"),
                  Column.field("CREATED", "createdAt")));
      return ExitCode.SUCCEEDED;
    }
  }

  @Command(name = "add-tenant", description = "A new tenant (nothing changes if it exists).")
  static class AddTenant extends ApiCommand {
    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NAME")
    String name;

    @Override
    protected int run() {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("id", id);
      body.put("name", name == null ? id : name);
      printer()
          .item(api().post(ADMIN + "/tenants", body), t -> "tenant " + t.path("id").asString());
      return ExitCode.SUCCEEDED;
    }
  }

  @Command(name = "list", description = "A tenant's keys (their prefixes, never the keys).")
  static class ListKeys extends ApiCommand {
    @Parameters(paramLabel = "TENANT")
    String tenant;

    @Override
    protected int run() {
      printer()
          .list(
              api().get(ADMIN + "/tenants/" + tenant + "/keys"),
              List.of(
                  Column.field("ID", "id"),
                  Column.field("PREFIX", "prefix"),
                  Column.field("ROLE", "role"),
                  Column.field("NAME", "name"),
                  Column.field("REVOKED", "revokedAt")));
      return ExitCode.SUCCEEDED;
    }
  }

  @Command(name = "create", description = "A new key of a tenant; shown this once.")
  static class Create extends ApiCommand {
    @Parameters(paramLabel = "TENANT")
    String tenant;

    @Option(
        names = "--role",
        defaultValue = "submitter",
        description = "viewer, submitter (default), operator or admin")
    String role;

    @Option(names = "--name", description = "what the key is for")
    String name;

    @Override
    protected int run() {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("role", role);
      body.put("name", name);
      printer()
          .item(
              api().post(ADMIN + "/tenants/" + tenant + "/keys", body),
              k ->
                  "key "
                      + k.path("id").asString()
                      + " ("
                      + k.path("role").asString()
                      + ") of tenant "
                      + tenant
                      + ", shown this once:\n"
                      + k.path("key").asString());
      return ExitCode.SUCCEEDED;
    }
  }

  @Command(name = "revoke", description = "Revoke a key at once.")
  static class Revoke extends ApiCommand {
    @Parameters(index = "0", paramLabel = "TENANT")
    String tenant;

    @Parameters(index = "1", paramLabel = "KEY-ID")
    String id;

    @Override
    protected int run() {
      api().delete(ADMIN + "/tenants/" + tenant + "/keys/" + id);
      printer().note("revoked key " + id);
      return ExitCode.SUCCEEDED;
    }
  }

  @Command(name = "audit", description = "The audit trail, newest first.")
  static class Audit extends ApiCommand {
    @Option(names = "--tenant", description = "only this tenant's")
    String tenant;

    @Option(names = "--limit", description = "at most this many")
    Integer limit;

    @Override
    protected int run() {
      Map<String, Object> query = new LinkedHashMap<>();
      query.put("tenant", tenant);
      query.put("limit", limit);
      printer()
          .list(
              api().get(FindocApi.path(ADMIN + "/audit", query)),
              List.of(
                  Column.field("AT", "at"),
                  Column.field("TENANT", "tenantId"),
                  Column.field("ACTOR", "actor"),
                  Column.field("ACTION", "action"),
                  Column.field("TARGET", "target"),
                  Column.field("STATUS", "status")));
      return ExitCode.SUCCEEDED;
    }
  }
}
