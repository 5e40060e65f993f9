package org.sngw.hardware;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The hardware module reaches the core only through the extension SPI, its config reader, its
 * events and its time: never the broker, the sessions or the store, whose state belongs to the
 * core loop.
 */
@AnalyzeClasses(packages = "org.sngw.hardware", importOptions = ImportOption.DoNotIncludeTests.class)
class HardwareArchitectureTest {
  @ArchTest
  static final ArchRule usesOnlyTheCoresExtensionSurface = noClasses()
      .that().resideInAPackage("org.sngw.hardware..")
      .should().dependOnClassesThat(resideInAPackage("org.sngw..").and(not(resideInAnyPackage(
          "org.sngw.hardware..", "org.sngw.config..", "org.sngw.events..", "org.sngw.runtime..", "org.sngw.time.."))));
}
