package org.sngw.broker;


import org.sngw.message.Message;
/**
 * An outgoing QoS 1/2 message with the packet id it went out under, until its flow completes.
 *
 * @param sequence the message's key in the store, unique and increasing within its session
 */
record InFlight(int packetId, long sequence, Message message) {}
