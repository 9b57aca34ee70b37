package io.findoc.batch.cli.config;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Resolves {@link ClientSettings} from four layers, the first that sets a value winning: flags; the
 * environment ({@code FINDOC_URL}, {@code FINDOC_API_KEY}, {@code FINDOC_API_KEY_FILE}, {@code
 * FINDOC_FILE_ROOTS}); the config file; and the local stack the {@code ./findoc} launcher names
 * ({@code FINDOC_STACK_URL}, {@code FINDOC_STACK_KEY_FILE}, {@code FINDOC_STACK_FILE_ROOTS}), so
 * that the launcher never overrides what a user configured. Without any, the API is {@code
 * http://127.0.0.1:8080} and no key is sent.
 */
public final class SettingsResolver {

  /** What was given on the command line (each null when not). */
  public record Flags(String url, Path apiKeyFile, List<Path> fileRoots, Path config) {}

  static final String DEFAULT_URL = "http://127.0.0.1:8080";

  private final Map<String, String> env;

  public SettingsResolver(Map<String, String> env) {
    this.env = env;
  }

  public ClientSettings resolve(Flags flags) {
    ConfigFile file =
        ConfigFile.read(flags.config() != null ? flags.config() : ConfigFile.location(env));
    String url;
    String urlSource;
    if (flags.url() != null) {
      url = flags.url();
      urlSource = "--url";
    } else if (set("FINDOC_URL")) {
      url = env.get("FINDOC_URL");
      urlSource = "FINDOC_URL";
    } else if (file.url() != null) {
      url = file.url();
      urlSource = file.path().toString();
    } else if (set("FINDOC_STACK_URL")) {
      url = env.get("FINDOC_STACK_URL");
      urlSource = "the local stack";
    } else {
      url = DEFAULT_URL;
      urlSource = "default";
    }

    String key;
    String keySource;
    if (flags.apiKeyFile() != null) {
      key = readKey(flags.apiKeyFile());
      keySource = "--api-key-file";
    } else if (set("FINDOC_API_KEY")) {
      key = env.get("FINDOC_API_KEY").strip();
      keySource = "FINDOC_API_KEY";
    } else if (set("FINDOC_API_KEY_FILE")) {
      key = readKey(Path.of(env.get("FINDOC_API_KEY_FILE")));
      keySource = "FINDOC_API_KEY_FILE";
    } else if (file.apiKey() != null) {
      key = file.apiKey().strip();
      keySource = file.path().toString();
    } else if (file.apiKeyFile() != null) {
      key = readKey(file.apiKeyFile());
      keySource = file.path().toString();
    } else if (set("FINDOC_STACK_KEY_FILE") && Files.isReadable(stackKeyFile())) {
      key = readKey(stackKeyFile());
      keySource = "the local stack";
    } else {
      key = null;
      keySource = "none";
    }

    List<Path> roots;
    if (flags.fileRoots() != null && !flags.fileRoots().isEmpty()) {
      roots = flags.fileRoots();
    } else if (set("FINDOC_FILE_ROOTS")) {
      roots = paths(env.get("FINDOC_FILE_ROOTS"));
    } else if (!file.fileRoots().isEmpty()) {
      roots = file.fileRoots();
    } else if (set("FINDOC_STACK_FILE_ROOTS")) {
      roots = paths(env.get("FINDOC_STACK_FILE_ROOTS"));
    } else {
      roots = List.of();
    }
    return new ClientSettings(parseUrl(url, urlSource), urlSource, key, keySource, roots);
  }

  private Path stackKeyFile() {
    return Path.of(env.get("FINDOC_STACK_KEY_FILE"));
  }

  private boolean set(String name) {
    String value = env.get(name);
    return value != null && !value.isBlank();
  }

  private static List<Path> paths(String list) {
    return Arrays.stream(list.split(File.pathSeparator))
        .filter(p -> !p.isBlank())
        .map(ConfigFile::expandHome)
        .toList();
  }

  private static URI parseUrl(String url, String source) {
    try {
      URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
      if (uri.getScheme() == null
          || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
          || uri.getHost() == null) {
        throw new IllegalArgumentException("not an http(s) address");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(
          "the API address '" + url + "' (from " + source + ") is not an http(s) URL");
    }
  }

  private static String readKey(Path file) {
    try {
      String key = Files.readString(file).strip();
      if (key.isEmpty()) {
        throw new ConfigurationException("the key file " + file + " is empty");
      }
      return key;
    } catch (IOException e) {
      throw new ConfigurationException("cannot read the key file " + file + ": " + e, e);
    }
  }
}
