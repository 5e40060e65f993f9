package org.sngw;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Keeps the packages acyclic, and the protocol and state packages pure: no Netty, no client,
 * storage, metrics or YAML library, no I/O and no wall clock, so they run the same under a virtual
 * clock in tests as on the Pi.
 */
@AnalyzeClasses(packages = "org.sngw", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final String[] PURE =
      {"org.sngw.sn..", "org.sngw.broker..", "org.sngw.message..", "org.sngw.time..", "org.sngw.thread..",
      "org.sngw.transport..", "org.sngw.events.."};

  @ArchTest
  static final ArchRule topLevelPackagesAreFreeOfCycles = slices().matching("org.sngw.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule pureCoreUsesNoNetworkOrStorageLibrary = noClasses()
      .that().resideInAnyPackage(PURE)
      .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "org.yaml..", "org.h2..", "com.hivemq..",
          "io.micrometer..", "java.nio.file..", "java.io..")
      .orShould().dependOnClassesThat().resideInAnyPackage("org.sngw.config..", "org.sngw.store.mvstore..")
      .because("codec, sessions and broker are plain logic; I/O stays in transports, listeners and the store,"
          + " and the YAML reader and the disk store are reached only through the wiring");

  @ArchTest
  static final ArchRule pureCoreReadsNoWallClock = noClasses()
      .that().resideInAnyPackage(PURE)
      .should().callMethod(System.class, "currentTimeMillis")
      .orShould().callMethod(System.class, "nanoTime")
      .orShould().callMethod(Instant.class, "now")
      .orShould().callMethod(InstantSource.class, "system")
      .orShould().callMethod(java.time.Clock.class, "systemUTC")
      .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
      .because("time is injected (a Clock, a wall InstantSource) so timers are tested with virtual time");

  @ArchTest
  static final ArchRule coreKnowsNoBoardSupport = noClasses()
      .should().dependOnClassesThat().resideInAnyPackage("com.pi4j..", "org.sngw.hardware..")
      .because("the hardware module listens to GatewayEvents; the core never imports pi4j or the module");

  @ArchTest
  static final ArchRule brokerAndGatewayOwnTheirStorePorts = noClasses()
      .that().resideInAnyPackage("org.sngw.broker..", "org.sngw.sn..")
      .should().dependOnClassesThat().resideInAnyPackage("org.sngw.store..")
      .because("a port lives in the package that uses it (BrokerStore, TopicIdStore); the store implements them");

  @ArchTest
  static final ArchRule pureCoreDoesNotReachForTheEdges = noClasses()
      .that().resideInAnyPackage(PURE)
      .should().dependOnClassesThat().resideInAnyPackage("org.sngw.mqtt..")
      .orShould().dependOnClassesThat().haveSimpleName("CoreLoop")
      .orShould().dependOnClassesThat().haveSimpleName("IoLoops");
}
