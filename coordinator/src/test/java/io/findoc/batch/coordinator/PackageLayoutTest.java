package io.findoc.batch.coordinator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** The coordinator's packages depend on each other in one direction only. */
class PackageLayoutTest {

  private static JavaClasses coordinator;

  @BeforeAll
  static void importClasses() {
    coordinator =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.findoc.batch.coordinator");
  }

  @Test
  void packagesHaveNoCycles() {
    ArchRule rule =
        slices().matching("io.findoc.batch.coordinator.(*)..").should().beFreeOfCycles();
    rule.check(coordinator);
  }

  @Test
  void restControllersLiveInApi() {
    ArchRule rule =
        classes()
            .that()
            .areAnnotatedWith(RestController.class)
            .should()
            .resideInAPackage("io.findoc.batch.coordinator.api");
    rule.check(coordinator);
  }

  @Test
  void pageControllersLiveInUi() {
    ArchRule rule =
        classes()
            .that()
            .areAnnotatedWith(Controller.class)
            .should()
            .resideInAPackage("io.findoc.batch.coordinator.ui");
    rule.check(coordinator);
  }
}
