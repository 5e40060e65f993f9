package org.sngw.sim;

import java.time.Duration;

/**
 * How the simulated radio treats every datagram, in either direction: lost with probability
 * {@code loss}, otherwise delivered twice with probability {@code duplicate}, each copy after its
 * own delay, uniform in [{@code minDelay}, {@code maxDelay}], so datagrams overtake each other.
 * {@code lifetime} is the longest any copy may take, scripted late copies included; sensors rely on
 * it between connections, as TCP relies on its maximum segment lifetime.
 */
record NetworkProfile(double loss, double duplicate, Duration minDelay, Duration maxDelay, Duration lifetime) {
  NetworkProfile {
    if (loss < 0 || loss >= 1 || duplicate < 0 || duplicate > 1) {
      throw new IllegalArgumentException("probabilities out of range: loss " + loss + ", duplicate " + duplicate);
    }
    if (minDelay.isNegative() || maxDelay.compareTo(minDelay) < 0 || lifetime.compareTo(maxDelay) < 0) {
      throw new IllegalArgumentException("delays " + minDelay + ".." + maxDelay + ", lifetime " + lifetime);
    }
  }

  /** A poor sensor radio: one datagram in five lost, some doubled, up to 1.5 s in flight. */
  static NetworkProfile lossy() {
    return new NetworkProfile(0.2, 0.05, Duration.ofMillis(5), Duration.ofMillis(1500), Duration.ofMillis(1500));
  }

  /**
   * Nothing lost, doubled or reordered, 20 ms a datagram, for scenarios whose faults are scripted; a
   * scripted copy may take up to 3 s (a forwarder's store-and-forward path).
   */
  static NetworkProfile perfect() {
    return new NetworkProfile(0, 0, Duration.ofMillis(20), Duration.ofMillis(20), Duration.ofSeconds(3));
  }
}
