package org.sngw.sim;

/**
 * Production bugs the simulation found that are not fixed yet. A violation whose ground truth
 * matches one of these signatures is reported but fails a run only with {@code -Dsim.strict=true},
 * so the default run stays green while every other cause of the same violation still fails it.
 */
enum KnownBug {
  /** Seen with seeds 1 and 3; reproduced by {@code SimScenariosTest#connectResentAfterLostConnack_...}. */
  RECONNECT_LEAVES_CONNECTION_ATTACHED(
      "SnSession.onConnect detaches a live connection for a CONNECT with the same client id without telling the"
          + " broker; if the will handshake then fails, the old broker connection stays attached for good and its"
          + " will never fires"),
  /** Seen with seed 15; reproduced by {@code SimScenariosTest#qos2PublishCopyAfterPubrel_...}. */
  QOS2_LATE_COPY_PUBLISHED_AGAIN(
      "the gateway forgets a QoS 2 msg id at PUBREL, so a copy of the PUBLISH still in the network is published"
          + " again"),
  /** Seen with seed 61; reproduced by {@code SimScenariosTest#qos2RefusedForCongestion_...}. */
  QOS2_REFUSED_THEN_ACKNOWLEDGED(
      "BrokerCore.publishExactlyOnce keeps the packet id of a QoS 2 message it refused for congestion; the"
          + " sensor's resend (its PUBACK lost) is then answered ACCEPTED, so the gateway sends PUBREC for a message"
          + " a subscriber never got");

  private final String cause;

  KnownBug(String cause) {
    this.cause = cause;
  }

  String cause() {
    return cause;
  }
}
