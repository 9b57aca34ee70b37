package io.findoc.batch.worker.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import io.findoc.batch.analyzer.AnalysisOptions;
import io.findoc.batch.analyzer.Cancellation;
import io.findoc.batch.analyzer.DocumentAnalyser;
import io.findoc.batch.analyzer.classify.DocumentType;
import io.findoc.batch.analyzer.extract.ExtractionLimits;
import io.findoc.batch.analyzer.extract.TextExtractor;
import io.findoc.batch.analyzer.result.ResultSizeCap;
import io.findoc.batch.analyzer.source.DocumentSources;
import io.findoc.batch.analyzer.source.SourceLimits;
import io.findoc.batch.common.message.Document;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class AnalyserWarmUpTest {

  private final DocumentAnalyser analyser =
      new DocumentAnalyser(
          new DocumentSources(
              new SourceLimits(
                  1 << 20,
                  List.of(),
                  List.of(),
                  false,
                  Duration.ofSeconds(1),
                  Duration.ofSeconds(1),
                  0)),
          new TextExtractor(new ExtractionLimits(50, 16L << 20, 1_000_000)),
          new ResultSizeCap(64 << 10));

  @Test
  void theBuiltInDocumentsAllAnalyseInline() {
    assertThat(AnalyserWarmUp.documents())
        .hasSizeGreaterThan(10)
        .allSatisfy(d -> assertThat(d.content()).isNotBlank());
  }

  /**
   * Each warm-up document is read as the type its name says ({@code <type>.<format>}), and together
   * they cover every type and every format, so the warm-up runs the code real tasks run.
   */
  @Test
  void eachBuiltInDocumentIsReadAsTheTypeItsNameSays() throws IOException {
    List<Document> documents = AnalyserWarmUp.documents();
    Set<String> types = new TreeSet<>();
    Set<String> formats = new TreeSet<>();
    for (Document document : documents) {
      String name = document.id();
      String type = name.substring(0, name.lastIndexOf('.')).replace('-', '_');
      Map<String, Object> result =
          analyser.analyse(document, AnalysisOptions.from(Map.of()), Cancellation.NEVER);
      assertThat(result.get("type")).as(name).isEqualTo(type);
      types.add(type);
      formats.add(name.substring(name.lastIndexOf('.') + 1));
    }
    assertThat(types)
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(DocumentType.values())
                .filter(t -> t != DocumentType.OTHER)
                .map(DocumentType::wireName)
                .toList());
    assertThat(formats).containsExactlyInAnyOrder("pdf", "txt", "csv");
  }

  /**
   * Measured by a clock that stands still until the first document is analysed, then moves a second
   * at each reading: the 3 s budget runs out after a few windows, however fast the machine.
   */
  @Test
  void itAnalysesUntilSteadyOrTheBudgetAndSaysWhatItDid() {
    AtomicReference<AnalyserWarmUp> running = new AtomicReference<>();
    AtomicLong clock = new AtomicLong();
    LongSupplier ticker =
        () ->
            running.get().documentsAnalysed() == 0
                ? clock.get()
                : clock.addAndGet(Duration.ofSeconds(1).toNanos());
    AnalyserWarmUp warmUp = new AnalyserWarmUp(analyser, Duration.ofSeconds(3), 1, ticker);
    running.set(warmUp);
    warmUp.start();

    assertThat(warmUp.outcome().get("state")).isEqualTo("stopped at the time limit");
    assertThat((Long) warmUp.outcome().get("documents")).isPositive();
    assertThat((Double) warmUp.outcome().get("lastDocumentsPerSecond")).isPositive();
    assertThat((Double) warmUp.outcome().get("seconds")).isBetween(3.0, 5.0);
    assertThat(warmUp.isRunning()).isTrue();
  }

  @Test
  void aBudgetOfZeroTurnsItOff() {
    AnalyserWarmUp warmUp = new AnalyserWarmUp(analyser, Duration.ZERO, 2);
    warmUp.start();
    assertThat(warmUp.outcome()).containsEntry("state", "off");
  }

  @Test
  void speedIsSteadyOnceItStopsRising() {
    AnalyserWarmUp.Steadiness rising = new AnalyserWarmUp.Steadiness();
    long documents = 0;
    for (double rate : new double[] {100, 150, 200, 260, 330}) {
      rising.add(documents += 10_000, rate, 0);
    }
    assertThat(rising.steady()).isFalse();

    AnalyserWarmUp.Steadiness flat = new AnalyserWarmUp.Steadiness();
    documents = 0;
    for (double rate : new double[] {100, 300, 310, 305, 312}) {
      flat.add(documents += 10_000, rate, 0.02);
    }
    assertThat(flat.steady()).isTrue();
  }

  @Test
  void aPlateauBeforeEnoughDocumentsIsNotSteady() {
    AnalyserWarmUp.Steadiness early = new AnalyserWarmUp.Steadiness();
    long documents = 0;
    for (double rate : new double[] {100, 300, 310, 305, 312}) {
      early.add(documents += 1_000, rate, 0);
    }
    assertThat(early.steady()).isFalse();
  }

  @Test
  void aPlateauWhileTheCompilerIsBusyIsNotSteady() {
    AnalyserWarmUp.Steadiness compiling = new AnalyserWarmUp.Steadiness();
    long documents = 0;
    for (double rate : new double[] {100, 300, 310, 305, 312}) {
      compiling.add(documents += 10_000, rate, 0.6);
    }
    assertThat(compiling.steady()).isFalse();
  }
}
