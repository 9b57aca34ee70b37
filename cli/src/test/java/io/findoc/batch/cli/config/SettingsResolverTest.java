package io.findoc.batch.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsResolverTest {

  @TempDir Path dir;
  private final Map<String, String> env = new HashMap<>();
  private Path config;

  @BeforeEach
  void configFile() throws IOException {
    config = dir.resolve("config.toml");
    Files.writeString(dir.resolve("file-key"), "key-from-file\n");
    Files.writeString(dir.resolve("stack-key"), "key-of-stack\n");
    Files.writeString(dir.resolve("flag-key"), "key-from-flag\n");
    Files.writeString(
        config,
        """
        url = "http://config.example:9000"
        api-key-file = "%s"
        file-roots = ["/srv/docs"]
        """
            .formatted(dir.resolve("file-key")));
    env.put("FINDOC_CONFIG", config.toString());
    env.put("FINDOC_STACK_URL", "http://127.0.0.1:28080");
    env.put("FINDOC_STACK_KEY_FILE", dir.resolve("stack-key").toString());
  }

  private ClientSettings resolve(SettingsResolver.Flags flags) {
    return new SettingsResolver(env).resolve(flags);
  }

  private static SettingsResolver.Flags noFlags() {
    return new SettingsResolver.Flags(null, null, null, null);
  }

  @Test
  void flagsWinOverEnvironmentAndFile() {
    env.put("FINDOC_URL", "http://env.example");
    env.put("FINDOC_API_KEY", "key-from-env");
    ClientSettings settings =
        resolve(
            new SettingsResolver.Flags(
                "http://flag.example/", dir.resolve("flag-key"), List.of(Path.of("/flag")), null));
    assertThat(settings.url()).hasToString("http://flag.example");
    assertThat(settings.apiKey()).isEqualTo("key-from-flag");
    assertThat(settings.keySource()).isEqualTo("--api-key-file");
    assertThat(settings.fileRoots()).containsExactly(Path.of("/flag"));
  }

  @Test
  void environmentWinsOverTheConfigFile() {
    env.put("FINDOC_URL", "http://env.example");
    env.put("FINDOC_API_KEY", "key-from-env");
    ClientSettings settings = resolve(noFlags());
    assertThat(settings.url()).hasToString("http://env.example");
    assertThat(settings.urlSource()).isEqualTo("FINDOC_URL");
    assertThat(settings.apiKey()).isEqualTo("key-from-env");
    assertThat(settings.fileRoots()).containsExactly(Path.of("/srv/docs"));
  }

  @Test
  void theConfigFileWinsOverTheLocalStack() {
    ClientSettings settings = resolve(noFlags());
    assertThat(settings.url()).hasToString("http://config.example:9000");
    assertThat(settings.apiKey()).isEqualTo("key-from-file");
    assertThat(settings.keySource()).isEqualTo(config.toString());
  }

  @Test
  void theLocalStackIsTheLastResortBeforeTheDefault() throws IOException {
    Files.delete(config);
    ClientSettings stack = resolve(noFlags());
    assertThat(stack.url()).hasToString("http://127.0.0.1:28080");
    assertThat(stack.apiKey()).isEqualTo("key-of-stack");

    env.remove("FINDOC_STACK_URL");
    env.remove("FINDOC_STACK_KEY_FILE");
    ClientSettings none = resolve(noFlags());
    assertThat(none.url()).hasToString("http://127.0.0.1:8080");
    assertThat(none.apiKey()).isNull();
    assertThat(none.keySource()).isEqualTo("none");
  }

  @Test
  void theKeyIsNeverInTheSettingsText() {
    env.put("FINDOC_API_KEY", "fdk_secret.value");
    assertThat(resolve(noFlags()).toString()).doesNotContain("fdk_secret").contains("set");
  }

  @Test
  void aUrlThatIsNotHttpIsAClearError() {
    env.put("FINDOC_URL", "ftp://nowhere");
    assertThatThrownBy(() -> resolve(noFlags()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("ftp://nowhere")
        .hasMessageContaining("FINDOC_URL");
  }

  @Test
  void anUnreadableKeyFileIsAClearError() {
    env.put("FINDOC_API_KEY_FILE", dir.resolve("missing").toString());
    assertThatThrownBy(() -> resolve(noFlags()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("missing");
  }
}
