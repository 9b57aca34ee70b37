package io.findoc.batch.worker.analysis;

import io.findoc.batch.analyzer.DocumentAnalyser;
import io.findoc.batch.analyzer.extract.ExtractionLimits;
import io.findoc.batch.analyzer.extract.TextExtractor;
import io.findoc.batch.analyzer.result.ResultSizeCap;
import io.findoc.batch.analyzer.source.DocumentSources;
import io.findoc.batch.analyzer.source.SourceLimits;
import io.findoc.batch.worker.config.WorkerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The document analyser of {@code findoc.analyze}, built from {@code findoc.worker.analysis.*}. */
@Configuration(proxyBeanMethods = false)
public class AnalysisConfiguration {

  @Bean
  DocumentAnalyser documentAnalyser(WorkerProperties properties) {
    WorkerProperties.Analysis analysis = properties.worker().execution().analysis();
    SourceLimits sources =
        new SourceLimits(
            analysis.maxDocumentBytes().toBytes(),
            analysis.fileRoots(),
            analysis.allowedHosts(),
            analysis.allowLoopback(),
            analysis.connectTimeout(),
            analysis.readTimeout(),
            analysis.maxRedirects(),
            analysis.fetchDeadline());
    ExtractionLimits extraction =
        new ExtractionLimits(
            analysis.maxPdfPages(),
            analysis.maxPdfMemoryBytes().toBytes(),
            analysis.maxTextChars(),
            analysis.pdfMemoryBudgetBytes().toBytes());
    return new DocumentAnalyser(
        new DocumentSources(sources),
        new TextExtractor(extraction),
        new ResultSizeCap((int) analysis.maxResultBytes().toBytes()));
  }
}
