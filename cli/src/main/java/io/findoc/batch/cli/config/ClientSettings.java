package io.findoc.batch.cli.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * What the client needs to talk to the API, each with where it came from.
 *
 * @param url the API's base address
 * @param urlSource where the address came from ("--url", "FINDOC_URL", the config file, ...)
 * @param apiKey the bearer key, or null; never printed ({@link #toString()} hides it)
 * @param keySource where the key came from, or "none"
 * @param fileRoots folders the workers read too: files under them are sent as {@code file://}
 *     references, all others inline
 */
public record ClientSettings(
    URI url, String urlSource, String apiKey, String keySource, List<Path> fileRoots) {

  @Override
  public String toString() {
    return "ClientSettings[url="
        + url
        + " ("
        + urlSource
        + "), apiKey="
        + (apiKey == null ? "none" : "set")
        + " ("
        + keySource
        + "), fileRoots="
        + fileRoots
        + "]";
  }
}
