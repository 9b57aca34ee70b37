package io.findoc.batch.loadtests.client;

import io.findoc.batch.common.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

/**
 * Gives the local stack a tenant key for the demo, the benchmarks and the user: keeps the key in
 * {@code --key-file} if the coordinator accepts it, and otherwise creates the tenant {@code
 * --tenant} and an operator key for it with the admin key in {@code --admin-key-file}, and writes
 * the new key to the file (readable by its owner only). Used by {@code ./findoc up}.
 */
public final class LocalKey {

  private LocalKey() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Map<String, String> options = new java.util.LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    URI api = URI.create(options.getOrDefault("api", "http://127.0.0.1:8080"));
    Path keyFile = Path.of(options.get("key-file"));
    String adminKey = Files.readString(Path.of(options.get("admin-key-file"))).strip();
    String tenant = options.getOrDefault("tenant", "demo");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    if (Files.exists(keyFile)
        && send(http, get(api, "/api/batch/jobs?limit=1", Files.readString(keyFile).strip()))
                .statusCode()
            == 200) {
      return;
    }
    send(http, post(api, "/api/admin/tenants", adminKey, Map.of("id", tenant)));
    HttpResponse<byte[]> created =
        send(
            http,
            post(
                api,
                "/api/admin/tenants/" + tenant + "/keys",
                adminKey,
                Map.of("role", "operator", "name", "local demo")));
    if (created.statusCode() != 201) {
      throw new IllegalStateException(
          "could not create a key: " + created.statusCode() + " " + new String(created.body()));
    }
    String key = Json.mapper().readTree(created.body()).get("key").asString();
    Files.deleteIfExists(keyFile);
    Files.createFile(
        keyFile,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(keyFile, key + "\n");
    System.out.println("created an operator key of tenant '" + tenant + "' in " + keyFile);
  }

  private static HttpRequest get(URI api, String path, String key) {
    return HttpRequest.newBuilder(api.resolve(path))
        .header("Authorization", "Bearer " + key)
        .timeout(Duration.ofSeconds(30))
        .build();
  }

  private static HttpRequest post(URI api, String path, String key, Object body) {
    return HttpRequest.newBuilder(api.resolve(path))
        .header("Authorization", "Bearer " + key)
        .header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(body)))
        .build();
  }

  private static HttpResponse<byte[]> send(HttpClient http, HttpRequest request)
      throws InterruptedException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("could not reach " + request.uri(), e);
    }
  }
}
