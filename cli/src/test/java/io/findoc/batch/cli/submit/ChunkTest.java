package io.findoc.batch.cli.submit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class ChunkTest {

  @TempDir Path dir;
  private final JsonMapper json = JsonMapper.builder().build();

  private List<LocalDocument> folder(int files) throws IOException {
    for (int i = 0; i < files; i++) {
      Files.writeString(dir.resolve(String.format("doc-%03d.txt", i)), "document " + i);
    }
    return new DocumentScanner(json).scan(List.of(dir)).documents();
  }

  private static List<Boolean> refs(Chunk chunk) {
    return Collections.nCopies(chunk.documents().size(), false);
  }

  @Test
  void splitsInOrderIntoChunksOfAtMostTheSize() throws IOException {
    List<Chunk> chunks = Chunk.split(folder(25), 10);
    assertThat(chunks).extracting(c -> c.documents().size()).containsExactly(10, 10, 5);
    assertThat(chunks.get(2).label()).isEqualTo("3/3");
    assertThat(chunks.get(1).documents().get(0).id()).isEqualTo("doc-010.txt");
  }

  @Test
  void keysAndIdentitiesStayAsEarlierVersionsMadeThem() {
    // A rerun after an upgrade must find the jobs and journal entries of the earlier run.
    Chunk chunk =
        new Chunk(
            1,
            2,
            List.of(
                new LocalDocument("a.txt", Path.of("/data/a.txt"), null, "abc"),
                new LocalDocument("b.txt", null, null, "def")));

    assertThat(chunk.idempotencyKey("{}", List.of(true, false)))
        .isEqualTo("findoc-cli-0801f79da0698046f23bd41d2e8c59ea28b6710d2393d88258a65aefd9bc36dc");
    assertThat(chunk.identity("{}", List.of(true, false)))
        .isEqualTo("47989695806c65ff1e9ca22e02612c3a8b9c69f0e03a8e9d184180787e481d81");
  }

  @Test
  void theSameFilesAndFieldsGiveTheSameKeys() throws IOException {
    List<Chunk> first = Chunk.split(folder(25), 10);
    List<Chunk> again = Chunk.split(new DocumentScanner(json).scan(List.of(dir)).documents(), 10);
    for (int i = 0; i < first.size(); i++) {
      assertThat(again.get(i).idempotencyKey("{}", refs(again.get(i))))
          .isEqualTo(first.get(i).idempotencyKey("{}", refs(first.get(i))));
    }
    assertThat(first.get(0).idempotencyKey("{}", refs(first.get(0))))
        .startsWith("findoc-cli-")
        .hasSizeLessThanOrEqualTo(200)
        .isNotEqualTo(first.get(1).idempotencyKey("{}", refs(first.get(1))));
  }

  @Test
  void aChangedFileFieldOrWayOfSendingGivesAnotherKey() throws IOException {
    Chunk chunk = Chunk.split(folder(3), 10).get(0);
    String key = chunk.idempotencyKey("{\"processor\":\"noop\"}", refs(chunk));

    assertThat(chunk.idempotencyKey("{\"processor\":\"analyze\"}", refs(chunk))).isNotEqualTo(key);
    assertThat(chunk.idempotencyKey("{\"processor\":\"noop\"}", List.of(true, false, false)))
        .isNotEqualTo(key);
    Files.writeString(dir.resolve("doc-001.txt"), "changed");
    Chunk changed =
        Chunk.split(new DocumentScanner(json).scan(List.of(dir)).documents(), 10).get(0);
    assertThat(changed.idempotencyKey("{\"processor\":\"noop\"}", refs(changed))).isNotEqualTo(key);
  }

  @Test
  void aChangedFileKeepsTheChunksIdentityAndChangesItsContentHash() throws IOException {
    Chunk before = Chunk.split(folder(3), 10).get(0);
    Files.writeString(dir.resolve("doc-001.txt"), "changed");
    Chunk after = Chunk.split(new DocumentScanner(json).scan(List.of(dir)).documents(), 10).get(0);

    assertThat(after.identity("{}", refs(after))).isEqualTo(before.identity("{}", refs(before)));
    assertThat(after.contentHash()).isNotEqualTo(before.contentHash());
    assertThat(after.identity("{\"processor\":\"noop\"}", refs(after)))
        .isNotEqualTo(after.identity("{}", refs(after)));

    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    for (LocalDocument document : after.documents()) {
      Files.copy(document.file(), elsewhere.resolve(document.id()));
    }
    Chunk sameNames =
        Chunk.split(new DocumentScanner(json).scan(List.of(elsewhere)).documents(), 10).get(0);
    assertThat(sameNames.identity("{}", refs(sameNames)))
        .as("other files of the same names")
        .isNotEqualTo(after.identity("{}", refs(after)));
  }

  @Test
  void theJournalKeepsEachChunksContentsAcrossRuns() throws IOException {
    Path file = dir.resolve("state").resolve("submitted.tsv");
    SubmitJournal first = SubmitJournal.open(file);
    first.record("http://api", "key-1", "job-1", "identity-1", "hash-1");

    SubmitJournal again = SubmitJournal.open(file);
    assertThat(again.jobOf("http://api", "key-1")).contains("job-1");
    assertThat(again.chunkOf("http://api", "identity-1"))
        .contains(new SubmitJournal.Accepted("job-1", "hash-1"));
    assertThat(again.chunkOf("http://other-api", "identity-1")).isEmpty();
  }
}
