package org.sngw.mqtt;

import java.util.Optional;

/**
 * What a client's CONNECT settled for its connection beyond the broker session.
 *
 * @param mqtt5 the client speaks MQTT 5: reason codes on every acknowledgement, a DISCONNECT
 *     before the server closes, CONNACK properties
 * @param assignedClientId the client id the server chose for an empty one, which MQTT 5 tells the client
 * @param maxPacketToClient the largest packet the client takes (MQTT 5's Maximum Packet Size);
 *     a bigger one is not sent to it
 * @param maxPacketFromClient the largest packet the listener takes, which MQTT 5 tells the client
 */
record ConnectionTerms(boolean mqtt5, Optional<String> assignedClientId, int maxPacketToClient,
    int maxPacketFromClient) {
  /** An MQTT 3.1.1 or 3.1 client: no properties, and packets as large as the protocol allows. */
  static ConnectionTerms mqtt3(int maxPacketFromClient) {
    return new ConnectionTerms(false, Optional.empty(), Integer.MAX_VALUE, maxPacketFromClient);
  }
}
