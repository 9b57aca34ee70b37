package io.findoc.batch.cli.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.toml.TomlMapper;

/**
 * The config file, TOML:
 *
 * <pre>
 * url = "https://findoc.example.com"
 * api-key-file = "~/.config/findoc/key"   # or api-key = "fdk_..."
 * file-roots = ["/srv/findoc/documents"]
 * </pre>
 *
 * Its place: {@code --config}, else {@code FINDOC_CONFIG}, else {@code
 * $XDG_CONFIG_HOME/findoc/config.toml}, else {@code ~/.config/findoc/config.toml}.
 */
public record ConfigFile(
    Path path, String url, String apiKey, Path apiKeyFile, List<Path> fileRoots) {

  private static final TomlMapper TOML = new TomlMapper();

  /** Where the config file is looked for, given the environment. */
  public static Path location(Map<String, String> env) {
    String explicit = env.get("FINDOC_CONFIG");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String xdg = env.get("XDG_CONFIG_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".config");
    return base.resolve("findoc").resolve("config.toml");
  }

  /** Reads the file; an absent file is an empty configuration. */
  public static ConfigFile read(Path path) {
    if (!Files.isRegularFile(path)) {
      return new ConfigFile(path, null, null, null, List.of());
    }
    JsonNode toml;
    try {
      toml = TOML.readTree(Files.readString(path));
    } catch (IOException | JacksonException e) {
      throw new ConfigurationException(
          "cannot read the config file " + path + ": " + e.getMessage(), e);
    }
    List<Path> roots = new ArrayList<>();
    JsonNode rootNodes = toml.get("file-roots");
    if (rootNodes != null) {
      rootNodes.forEach(root -> roots.add(expandHome(root.asString())));
    }
    String keyFile = text(toml, "api-key-file");
    return new ConfigFile(
        path,
        text(toml, "url"),
        text(toml, "api-key"),
        keyFile == null ? null : expandHome(keyFile),
        List.copyOf(roots));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asString();
  }

  static Path expandHome(String path) {
    if (path.equals("~") || path.startsWith("~/")) {
      return Path.of(System.getProperty("user.home") + path.substring(1));
    }
    return Path.of(path);
  }

  @Override
  public String toString() {
    return "ConfigFile[" + path + "]";
  }
}
