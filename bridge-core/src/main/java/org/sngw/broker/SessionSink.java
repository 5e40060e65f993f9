package org.sngw.broker;

/**
 * The protocol side of a broker session: an MQTT connection, an MQTT-SN session or the bridge. The
 * broker calls it on the core loop; implementations turn calls into packets and must not block.
 */
public interface SessionSink {
  /**
   * Takes whatever it is sent and never answers: for a connection that only ends a session (MQTT
   * 5's clean start), and in tests a client that only publishes or never acknowledges.
   */
  SessionSink NONE = new SessionSink() {
    @Override
    public void deliver(Delivery delivery) {}

    @Override
    public void release(int packetId) {}

    @Override
    public void takenOver() {}
  };

  /**
   * Sends a PUBLISH. A QoS 1 or 2 delivery stays in flight until the client's PUBACK, or PUBREC
   * then PUBCOMP, is reported back with {@link Broker#acknowledged}, {@link Broker#received} and
   * {@link Broker#completed}.
   */
  void deliver(Delivery delivery);

  /** Sends PUBREL for an outgoing QoS 2 message whose PUBREC arrived (again on a resumed session). */
  void release(int packetId);

  /** Another connection took over this client id: close this one, without publishing the will. */
  void takenOver();
}
