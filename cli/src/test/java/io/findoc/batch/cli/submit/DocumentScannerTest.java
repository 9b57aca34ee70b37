package io.findoc.batch.cli.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class DocumentScannerTest {

  @TempDir Path dir;
  private final DocumentScanner scanner = new DocumentScanner(JsonMapper.builder().build());

  @Test
  void aFolderGivesItsFilesRecursivelySortedWithTheirPathsAsIds() throws IOException {
    Files.createDirectories(dir.resolve("b"));
    Files.writeString(dir.resolve("b/two.txt"), "2");
    Files.writeString(dir.resolve("a.txt"), "1");
    Files.writeString(dir.resolve(".hidden"), "x");
    assertThat(scanner.scan(List.of(dir)).documents())
        .extracting(LocalDocument::id)
        .containsExactly("a.txt", "b/two.txt");
  }

  @Test
  void aManifestGivesItsFieldsAndResolvesPathsBesideIt() throws IOException {
    Files.writeString(dir.resolve("one.txt"), "1");
    Path manifest = dir.resolve("manifest.json");
    Files.writeString(
        manifest,
        """
        {"name": "from a manifest", "processor": "noop",
         "documents": [{"path": "one.txt"}, {"id": "web", "uri": "https://example.com/a.pdf"}]}
        """);
    DocumentScanner.Scanned scanned = scanner.scan(List.of(manifest));
    assertThat(scanned.manifestFields().get("processor").asString()).isEqualTo("noop");
    assertThat(scanned.documents()).extracting(LocalDocument::id).containsExactly("one.txt", "web");
    assertThat(scanned.documents().get(0).file()).isEqualTo(dir.resolve("one.txt"));
    assertThat(scanned.documents().get(1).entry().get("uri").asString()).startsWith("https://");
  }

  @Test
  void twoFilesWithOneNameAreRefused() throws IOException {
    Files.createDirectories(dir.resolve("x"));
    Files.createDirectories(dir.resolve("y"));
    Files.writeString(dir.resolve("x/same.txt"), "1");
    Files.writeString(dir.resolve("y/same.txt"), "2");
    assertThatThrownBy(
            () -> scanner.scan(List.of(dir.resolve("x/same.txt"), dir.resolve("y/same.txt"))))
        .isInstanceOf(SubmissionException.class)
        .hasMessageContaining("same.txt");
  }

  @Test
  void aMissingInputIsAClearError() {
    assertThatThrownBy(() -> scanner.scan(List.of(dir.resolve("nope"))))
        .isInstanceOf(SubmissionException.class)
        .hasMessageContaining("no such file or folder");
  }
}
