package io.findoc.batch.loadtests.demo;

import io.findoc.batch.corpus.CorpusEntry;
import io.findoc.batch.corpus.CorpusGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's documents: a generated corpus of invoices, statements, trade confirmations, receipts
 * and reports (PDF, text and CSV, in US and EU notations) in a folder the workers may read, sent as
 * {@code file://} references for {@code findoc.analyze}.
 */
final class DemoCorpus {

  private DemoCorpus() {}

  static Map<String, Object> job(Path folder, int documents) {
    List<CorpusEntry> entries;
    try {
      entries = CorpusGenerator.generate(folder, documents, 2026, CorpusGenerator.Templates.ALL);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the demo documents to " + folder, e);
    }
    List<Map<String, Object>> docs = new ArrayList<>(entries.size());
    for (CorpusEntry entry : entries) {
      docs.add(
          Map.of(
              "id",
              entry.id(),
              "uri",
              folder.toAbsolutePath().resolve(entry.file()).toUri().toString()));
    }
    Map<String, Object> job = new LinkedHashMap<>();
    job.put("name", "demo: " + documents + " financial documents");
    job.put("priority", "normal");
    job.put("processor", "findoc.analyze");
    job.put("documents", docs);
    job.put("metadata", Map.of("source", "findoc demo"));
    return job;
  }
}
