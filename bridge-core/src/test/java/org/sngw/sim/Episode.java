package org.sngw.sim;

/**
 * One connection as its sensor lived it: from its first CONNECT to its end. Sensors leave a gap of
 * two datagram lifetimes between episodes, so no datagram of one episode is seen in the next.
 */
final class Episode {
  enum End {
    /** Sent DISCONNECT and got one back. */
    DISCONNECTED,
    /** Sent DISCONNECT, got nothing back after Nretry resends. */
    DISCONNECT_UNANSWERED,
    /** Gave up on an unanswered request, or was told DISCONNECT out of the blue. */
    LOST,
    /** Connected anew while this connection slept: the gateway takes it over. */
    RECONNECTED,
    /** Fell silent for good. */
    VANISHED
  }

  final String sensor;
  final int number;
  final long startNanos;
  /** The will's payload, or null without a will. */
  final String willPayload;
  boolean connAcked;
  /** A DISCONNECT without sleep duration was sent: the only kind that ends a connection gracefully. */
  boolean disconnectSent;
  End end;
  long endNanos = -1;

  Episode(String sensor, int number, long startNanos, String willPayload) {
    this.sensor = sensor;
    this.number = number;
    this.startNanos = startNanos;
    this.willPayload = willPayload;
  }

  void end(End how, long nanos) {
    if (end == null) {
      end = how;
      endNanos = nanos;
    }
  }

  @Override
  public String toString() {
    return sensor + " episode " + number + " from " + startNanos / 1e9 + "s"
        + (connAcked ? "" : " (no CONNACK)") + (end == null ? "" : ", " + end + " at " + endNanos / 1e9 + "s");
  }
}
