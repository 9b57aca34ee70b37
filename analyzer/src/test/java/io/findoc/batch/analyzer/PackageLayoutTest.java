package io.findoc.batch.analyzer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The analyser is plain Java that any caller may run: nothing of Spring, Kafka or the worker, and
 * its packages depend on each other in one direction only.
 */
class PackageLayoutTest {

  private static final JavaClasses ANALYSER =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.findoc.batch.analyzer");

  @Test
  void theAnalyserKnowsNothingOfSpringKafkaOrTheWorker() {
    noClasses()
        .that()
        .resideInAPackage("io.findoc.batch.analyzer..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..", "org.apache.kafka..", "io.findoc.batch.worker..")
        .check(ANALYSER);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("io.findoc.batch.analyzer.(*)..").should().beFreeOfCycles().check(ANALYSER);
  }
}
