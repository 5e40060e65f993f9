package org.sngw.broker;

import java.util.Objects;
import org.sngw.message.Message;
import org.sngw.message.Qos;

/**
 * One PUBLISH the broker asks a session's connection to send: the message with the QoS and retain
 * flag it has for this subscriber, plus its per-session wire state.
 *
 * @param packetId 1..65535 for QoS 1 and 2; 0 for QoS 0
 * @param dup true when this is a resend of a delivery the client may have seen
 */
public record Delivery(int packetId, boolean dup, Message message) {
  public Delivery {
    Objects.requireNonNull(message, "message");
    if (message.qos() == Qos.AT_MOST_ONCE ? packetId != 0 : packetId < 1 || packetId > 0xFFFF) {
      throw new IllegalArgumentException("packet id " + packetId + " does not fit QoS " + message.qos());
    }
  }
}
