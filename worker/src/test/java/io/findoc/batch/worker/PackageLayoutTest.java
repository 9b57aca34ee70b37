package io.findoc.batch.worker;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The worker's packages depend on each other in one direction only. */
class PackageLayoutTest {

  @Test
  void packagesHaveNoCycles() {
    slices()
        .matching("io.findoc.batch.worker.(*)..")
        .should()
        .beFreeOfCycles()
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.findoc.batch.worker"));
  }
}
