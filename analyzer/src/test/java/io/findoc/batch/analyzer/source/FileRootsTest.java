package io.findoc.batch.analyzer.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.findoc.batch.analyzer.AnalysisException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileRootsTest {

  @TempDir Path dir;
  private Path root;
  private Path outside;
  private FileRoots roots;

  @BeforeEach
  void files() throws IOException {
    root = Files.createDirectories(dir.resolve("docs"));
    outside = Files.writeString(dir.resolve("secret.txt"), "secret");
    Files.writeString(root.resolve("invoice.txt"), "Invoice");
    Files.createSymbolicLink(root.resolve("link.txt"), outside);
    roots = new FileRoots(List.of(root));
  }

  @Test
  void fileInsideARootIsResolved() throws IOException {
    Path resolved = roots.resolve(root.resolve("invoice.txt").toUri());

    assertThat(resolved).isEqualTo(root.resolve("invoice.txt").toRealPath());
  }

  @Test
  void traversalEncodedTraversalSymlinksOutAndOtherPathsAreRefused() {
    String base = root.toUri().toString();
    for (String uri :
        List.of(
            base + "../secret.txt",
            base + "%2e%2e/secret.txt",
            base + "%2E%2E%2Fsecret.txt",
            base + "..%2fsecret.txt",
            base + "link.txt",
            outside.toUri().toString(),
            "file:///etc/passwd",
            "file://evil.example.com/share/x.pdf")) {
      assertThatThrownBy(() -> roots.resolve(URI.create(uri)))
          .as(uri)
          .isInstanceOfSatisfying(
              AnalysisException.class, e -> assertThat(e.code()).isEqualTo("DOC_PATH_NOT_ALLOWED"));
    }
  }

  @Test
  void missingFileInsideARootIsNotFound() {
    assertThatThrownBy(() -> roots.resolve(root.resolve("nope.pdf").toUri()))
        .isInstanceOfSatisfying(
            AnalysisException.class, e -> assertThat(e.code()).isEqualTo("DOC_NOT_FOUND"));
  }

  @Test
  void withoutRootsNoFileIsAllowed() {
    assertThatThrownBy(() -> new FileRoots(List.of()).resolve(root.resolve("invoice.txt").toUri()))
        .isInstanceOfSatisfying(
            AnalysisException.class, e -> assertThat(e.code()).isEqualTo("DOC_PATH_NOT_ALLOWED"));
  }
}
