package kz.forumpulse.reporting;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The shape of the code: feature packages without cycles, thin controllers. */
class ArchitectureTest {

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("kz.forumpulse.reporting");

  @Test
  void featurePackagesDoNotDependOnEachOtherInCycles() {
    slices().matching("kz.forumpulse.reporting.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void controllersDelegateAndNeverTouchTheDatabase() {
    noClasses()
        .that()
        .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework.data.mongodb..", "org.springframework.kafka..")
        .check(classes);
  }

  @Test
  void eventsAreSentOnlyThroughTheOutbox() {
    noClasses()
        .that()
        .resideInAPackage("kz.forumpulse.reporting..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("org.springframework.cloud.stream.function.StreamBridge")
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.apache.kafka.clients.producer..", "org.springframework.kafka.core..")
        .because("events leave a service only through the outbox relay, never by direct send")
        .check(classes);
  }
}
