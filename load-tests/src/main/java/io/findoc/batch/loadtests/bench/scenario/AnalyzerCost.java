package io.findoc.batch.loadtests.bench.scenario;

import io.findoc.batch.analyzer.AnalysisOptions;
import io.findoc.batch.analyzer.Cancellation;
import io.findoc.batch.analyzer.DocumentAnalyser;
import io.findoc.batch.analyzer.extract.TextExtractor;
import io.findoc.batch.common.message.Document;
import io.findoc.batch.corpus.CorpusEntry;
import io.findoc.batch.corpus.CorpusGenerator;
import io.findoc.batch.loadtests.bench.BenchRun;
import io.findoc.batch.loadtests.bench.Scenario;
import io.findoc.batch.loadtests.bench.report.Stats;
import io.findoc.batch.loadtests.bench.report.Svg;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The analyser's cost against the text extraction it cannot do without: the CPU time of this thread
 * per PDF for a bare PDFBox loop ({@code Loader.loadPDF} and a {@code PDFTextStripper}), for the
 * analyser's own bounded extraction, and for the whole of {@code findoc.analyze} (read, extract,
 * classify, fields, identifiers, checks, the size-capped result), over the same generated PDFs in
 * rounds that take turns, after a warm-up until each stops getting faster. The figure judged is
 * {@code cpu_ratio}: the analyser's CPU per document over the bare loop's. It needs no stack
 * ({@code ./findoc bench --scenario analyzer} runs it alone); in a bench run it is sampled like the
 * others, the stack idle beside it.
 */
public final class AnalyzerCost implements Scenario {

  private static final WarmUp WARM_UP = new WarmUp(20, Duration.ofMinutes(2));
  private static final int MIN_ROUNDS = 5;

  /**
   * The median CPU microseconds per PDF of each loop, how many PDFs and rounds, and every round's
   * figures (bare, extraction, analyse).
   */
  public record Figures(
      int pdfs,
      int rounds,
      double bareUs,
      double extractionUs,
      double analyseUs,
      List<double[]> each) {

    double ratio() {
      return analyseUs / bareUs;
    }

    public Map<String, Object> asResult() {
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("pdfs", pdfs);
      figures.put("rounds", rounds);
      figures.put("bare_pdfbox_cpu_us_per_doc", bareUs);
      figures.put("bounded_extraction_cpu_us_per_doc", extractionUs);
      figures.put("analyze_cpu_us_per_doc", analyseUs);
      figures.put("analysis_beyond_extraction_cpu_us_per_doc", analyseUs - extractionUs);
      figures.put("cpu_ratio", ratio());
      return figures;
    }

    public String describe() {
      return String.format(
          Locale.ROOT,
          "%d PDFs, median of %d rounds: bare PDFBox %.0f µs, bounded extraction %.0f µs,"
              + " findoc.analyze %.0f µs CPU per document: %.2fx the bare extraction",
          pdfs,
          rounds,
          bareUs,
          extractionUs,
          analyseUs,
          ratio());
    }
  }

  @Override
  public String name() {
    return "analyzer";
  }

  @Override
  public Map<String, Object> run(BenchRun run) throws Exception {
    int documents = run.options().smoke() ? 60 : Math.max(run.options().documents(), 600);
    int rounds = Math.max(MIN_ROUNDS, run.options().repeats());
    Figures figures = measure(run.documents("analyzer-corpus"), documents, rounds);
    run.results().row("analyzer", "CPU per document, one thread", figures.describe());
    List<List<?>> rows = new ArrayList<>();
    for (int r = 0; r < figures.each().size(); r++) {
      double[] round = figures.each().get(r);
      rows.add(List.of(r + 1, round[0], round[1], round[2], round[2] / round[0]));
    }
    run.results()
        .csv(
            "analyzer",
            List.of(
                "round",
                "bare_pdfbox_cpu_us_per_doc",
                "bounded_extraction_cpu_us_per_doc",
                "analyze_cpu_us_per_doc",
                "ratio"),
            rows);
    run.results()
        .html(
            "analyzer",
            "The analyser's CPU per PDF against a bare PDFBox extraction",
            List.of(
                Svg.bars(
                    "CPU per PDF, one thread (median of " + figures.rounds() + " rounds)",
                    "µs",
                    List.of("bare PDFBox", "bounded extraction", "findoc.analyze"),
                    List.of(figures.bareUs(), figures.extractionUs(), figures.analyseUs()))));
    return figures.asResult();
  }

  /** Generates {@code documents} into {@code folder} and measures its PDFs. */
  public static Figures measure(Path folder, int documents, int rounds) throws Exception {
    List<Path> pdfs =
        CorpusGenerator.generate(folder, documents, 7, CorpusGenerator.Templates.ALL).stream()
            .filter(entry -> entry.format().equals("pdf"))
            .map(CorpusEntry::file)
            .map(folder::resolve)
            .toList();
    Loops loops = new Loops(folder, pdfs);
    double seconds = pdfs.size() * 1e-6;
    System.out.println("  bare PDFBox: " + WARM_UP.run(() -> loops.bare() * seconds).describe());
    System.out.println(
        "  extraction: " + WARM_UP.run(() -> loops.extraction() * seconds).describe());
    System.out.println(
        "  findoc.analyze: " + WARM_UP.run(() -> loops.analyse() * seconds).describe());
    List<Double> bare = new ArrayList<>();
    List<Double> extraction = new ArrayList<>();
    List<Double> analyse = new ArrayList<>();
    List<double[]> each = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      bare.add(loops.bare());
      extraction.add(loops.extraction());
      analyse.add(loops.analyse());
      each.add(new double[] {bare.get(r), extraction.get(r), analyse.get(r)});
      System.out.printf(
          Locale.ROOT,
          "  round %d: bare PDFBox %.0f µs, bounded extraction %.0f µs, findoc.analyze %.0f µs"
              + " CPU per document%n",
          r + 1,
          bare.get(r),
          extraction.get(r),
          analyse.get(r));
    }
    return new Figures(
        pdfs.size(),
        rounds,
        Stats.of(bare).median(),
        Stats.of(extraction).median(),
        Stats.of(analyse).median(),
        each);
  }

  /** The three loops, each answering its CPU microseconds per PDF on this thread. */
  private static final class Loops {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final List<Path> pdfs;
    private static final String TYPED = "\"type\":";

    private final List<byte[]> bytes = new ArrayList<>();
    private final List<Document> documents = new ArrayList<>();
    private final TextExtractor extractor = Corpus.extractor();
    private final DocumentAnalyser analyser;
    private final AnalysisOptions options = AnalysisOptions.from(Map.of());
    private final Cancellation running = () -> false;

    Loops(Path folder, List<Path> pdfs) throws IOException {
      this.pdfs = pdfs;
      for (Path pdf : pdfs) {
        bytes.add(Files.readAllBytes(pdf));
        documents.add(Document.ofUri(pdf.getFileName().toString(), pdf.toUri().toString()));
      }
      analyser = Corpus.analyser(folder, extractor);
    }

    double bare() throws IOException {
      long t0 = THREADS.getCurrentThreadCpuTime();
      long characters = 0;
      for (Path pdf : pdfs) {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
          characters += new PDFTextStripper().getText(document).length();
        }
      }
      if (characters == 0) {
        throw new IllegalStateException("no text extracted");
      }
      return perDocument(t0);
    }

    double extraction() {
      long t0 = THREADS.getCurrentThreadCpuTime();
      for (byte[] pdf : bytes) {
        extractor.extract(pdf, "application/pdf");
      }
      return perDocument(t0);
    }

    double analyse() throws IOException {
      long t0 = THREADS.getCurrentThreadCpuTime();
      int typed = 0;
      for (Document document : documents) {
        typed += analyser.analyseToJson(document, options, running).text().contains(TYPED) ? 1 : 0;
      }
      double perDocument = perDocument(t0);
      if (typed != documents.size()) {
        throw new IllegalStateException((documents.size() - typed) + " PDFs got no type");
      }
      return perDocument;
    }

    private double perDocument(long t0) {
      return (THREADS.getCurrentThreadCpuTime() - t0) / 1e3 / pdfs.size();
    }
  }
}
