package org.sngw.sim;

import java.util.List;

/**
 * How one run went: what broke (empty when all held), the trace's last events, and counts that say
 * whether the run exercised anything.
 */
record SimResult(long seed, List<String> violations, String trace, Stats stats) {
  /** Counts over a whole run. */
  record Stats(int publications, int acknowledged, int refused, long dropped, long behind, long expired, int claims,
      int receptions, int connections, int lost, int willsFired, long encapsulatedFrames, long virtualSeconds) {
    @Override
    public String toString() {
      return publications + " publications (" + acknowledged + " acknowledged, " + refused + " refused), " + dropped
          + " deliveries dropped for subscribers behind (" + behind + " times behind), " + expired
          + " persistent sessions expired, " + claims + " claims, " + receptions + " receptions, " + connections + " gateway connections (" + lost + " lost), "
          + willsFired + " wills fired, " + encapsulatedFrames + " frames encapsulated, " + virtualSeconds + " virtual s";
    }
  }

  boolean passed() {
    return violations.isEmpty();
  }

  /** The failure message: how to replay, what broke, and what happened last. */
  String report() {
    StringBuilder out = new StringBuilder()
        .append("seed=").append(seed).append(" replay with -Dsim.seed=").append(seed).append('\n')
        .append(stats).append('\n')
        .append(violations.size()).append(" violations:\n");
    violations.stream().limit(20).forEach(v -> out.append("  - ").append(v).append('\n'));
    if (violations.size() > 20) {
      out.append("  ... and ").append(violations.size() - 20).append(" more\n");
    }
    return out.append(trace).toString();
  }
}
