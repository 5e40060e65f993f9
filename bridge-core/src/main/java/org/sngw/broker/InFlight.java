package org.sngw.broker;

import org.sngw.message.Message;

/**
 * An outgoing QoS 1/2 message with the packet id it went out under, until its flow completes.
 *
 * @param sequence the message's key in the store, unique and increasing within its session
 * @param via the shared subscription it came through, or null ({@link Queued#via()})
 */
record InFlight(int packetId, long sequence, Message message, ShareGroup via) {
  InFlight(int packetId, long sequence, Message message) {
    this(packetId, sequence, message, null);
  }
}
