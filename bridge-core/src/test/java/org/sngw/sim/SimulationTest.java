package org.sngw.sim;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Seeded simulation runs, one dynamic test per seed. By default seeds 1..300; {@code -Dsim.seed=N}
 * replays one, {@code -Dsim.runs=10000} (with {@code -Dsim.firstSeed=N}) runs more; {@code
 * -Dsim.trace=s07} and {@code -Dsim.traceEvents=N} choose what the failure trace shows.
 */
class SimulationTest {
  static {
    // Hundreds of sensors are lost on purpose per run; their INFO lines would bury a failure.
    System.setProperty("org.slf4j.simpleLogger.log.org.sngw.sn.gateway", "warn");
  }

  @TestFactory
  Stream<DynamicTest> randomRuns() {
    return seeds().mapToObj(seed -> DynamicTest.dynamicTest("seed=" + seed, () -> {
      SimResult result = SimRun.ofSeed(seed);
      if (!result.passed()) {
        fail(result.report());
      }
    }));
  }

  private static LongStream seeds() {
    String one = System.getProperty("sim.seed");
    if (one != null) {
      return LongStream.of(Long.parseLong(one));
    }
    long first = Long.getLong("sim.firstSeed", 1);
    return LongStream.range(first, first + Long.getLong("sim.runs", 300));
  }
}
