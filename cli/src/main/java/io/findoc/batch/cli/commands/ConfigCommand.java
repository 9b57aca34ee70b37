package io.findoc.batch.cli.commands;

import io.findoc.batch.cli.ExitCode;
import io.findoc.batch.cli.config.ClientSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code findoc config}: where the client would go and with what, the key itself hidden. */
@Command(
    name = "config",
    description = "Show the API address, whether a key is set and where each came from.")
public class ConfigCommand extends ApiCommand {

  @Override
  protected int run() {
    ClientSettings settings = settings();
    Map<String, Object> shown = new LinkedHashMap<>();
    shown.put("url", settings.url().toString());
    shown.put("urlSource", settings.urlSource());
    shown.put("apiKey", settings.apiKey() == null ? "none" : "set");
    shown.put("apiKeySource", settings.keySource());
    shown.put("fileRoots", settings.fileRoots().stream().map(Object::toString).toList());
    printer()
        .item(
            context.json().valueToTree(shown),
            s ->
                "url       "
                    + s.path("url").asString()
                    + "  (from "
                    + s.path("urlSource").asString()
                    + ")\napi key   "
                    + s.path("apiKey").asString()
                    + "  (from "
                    + s.path("apiKeySource").asString()
                    + ")\nfile roots "
                    + s.path("fileRoots"));
    return ExitCode.SUCCEEDED;
  }
}
