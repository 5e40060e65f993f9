package org.sngw.sim;

/** Which way a datagram crosses the simulated network. */
enum Direction {
  /** Sensor to gateway. */
  UP("->"),
  /** Gateway to sensor. */
  DOWN("<-");

  private final String arrow;

  Direction(String arrow) {
    this.arrow = arrow;
  }

  String arrow() {
    return arrow;
  }
}
