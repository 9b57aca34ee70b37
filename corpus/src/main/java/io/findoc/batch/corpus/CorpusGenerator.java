package io.findoc.batch.corpus;

import io.findoc.batch.common.json.Json;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Writes a labelled corpus of synthetic financial documents: {@code count} documents drawn from the
 * templates of every type (invoices, bank statements, trade confirmations, receipts, annual
 * reports, tax forms) in US, UK, German, French and Dutch notations, as PDF, text or CSV, and
 * {@code ground-truth.json} listing each with its type and expected fields. The same seed writes
 * the same corpus.
 *
 * <p>Command line: {@code CorpusGenerator <folder> [count=200] [seed=1] [all|development|held-out]}
 */
public final class CorpusGenerator {

  /** Which templates to draw from. */
  public enum Templates {
    ALL,
    /** The templates written alongside the extractors. */
    DEVELOPMENT,
    /** The templates kept for evaluation. */
    HELD_OUT
  }

  /** The ground truth's file name in a corpus folder. */
  public static final String GROUND_TRUTH = "ground-truth.json";

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private CorpusGenerator() {}

  static List<Template> templates(Templates which) {
    return Stream.of(
            InvoiceTemplates.all(),
            StatementTemplates.all(),
            TradeTemplates.all(),
            ReceiptTemplates.all(),
            ReportTemplates.all())
        .flatMap(List::stream)
        .filter(t -> which == Templates.ALL || (which == Templates.HELD_OUT) == t.heldOut())
        .toList();
  }

  /** Writes the corpus into {@code folder} (created if needed); returns its entries. */
  public static List<CorpusEntry> generate(Path folder, int count, long seed, Templates which)
      throws IOException {
    Files.createDirectories(folder);
    List<Template> templates = templates(which);
    Random random = new Random(seed);
    List<CorpusEntry> entries = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      Template template = templates.get((i - 1) % templates.size());
      Notation notation = template.notations()[random.nextInt(template.notations().length)];
      String format = template.formats()[random.nextInt(template.formats().length)];
      GeneratedDocument document = template.render().apply(new Fakes(random, notation));
      String id = String.format("doc-%05d", i);
      String file = id + "." + format;
      Files.write(folder.resolve(file), render(document, format));
      entries.add(
          new CorpusEntry(
              id,
              file,
              format,
              template.name(),
              template.heldOut(),
              document.type(),
              document.truth()));
    }
    Files.write(
        folder.resolve(GROUND_TRUTH),
        Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(entries));
    return entries;
  }

  /**
   * A generated document in memory: its format ({@code pdf}, {@code txt}, {@code csv}) and bytes.
   */
  public record Sample(String format, byte[] bytes) {}

  /**
   * {@code count} documents drawn from every template as {@link #generate} draws them, in memory:
   * the worker warms its analyser on them before it takes work.
   */
  public static List<Sample> samples(int count, long seed) {
    List<Template> templates = templates(Templates.ALL);
    Random random = new Random(seed);
    List<Sample> samples = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Template template = templates.get(i % templates.size());
      Notation notation = template.notations()[random.nextInt(template.notations().length)];
      String format = template.formats()[random.nextInt(template.formats().length)];
      GeneratedDocument document = template.render().apply(new Fakes(random, notation));
      samples.add(new Sample(format, render(document, format)));
    }
    return samples;
  }

  private static byte[] render(GeneratedDocument document, String format) {
    String text = String.join("\n", document.lines()) + "\n";
    return switch (format) {
      case "pdf" -> PdfPages.write(document.lines());
      // Bank exports are often Windows-1252; the analyser must cope.
      case "csv" -> text.getBytes(WINDOWS_1252);
      default -> text.getBytes(StandardCharsets.UTF_8);
    };
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println(
          "usage: CorpusGenerator <folder> [count=200] [seed=1] [all|development|held-out]");
      System.exit(2);
    }
    Path folder = Path.of(args[0]);
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
    Templates which =
        args.length > 3
            ? Templates.valueOf(args[3].toUpperCase().replace('-', '_'))
            : Templates.ALL;
    List<CorpusEntry> entries = generate(folder, count, seed, which);
    System.out.println(
        "wrote " + entries.size() + " documents and " + GROUND_TRUTH + " to " + folder);
  }
}
