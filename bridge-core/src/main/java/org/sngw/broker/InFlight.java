package org.sngw.broker;

/** An outgoing QoS 1/2 message with the packet id it went out under, until its flow completes. */
record InFlight(int packetId, Message message) {}
