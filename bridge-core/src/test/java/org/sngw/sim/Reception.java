package org.sngw.sim;

import org.sngw.message.Qos;

/**
 * One message an application received: after its client's own QoS 2 duplicate suppression, so a
 * second reception of a QoS 2 message is a real duplicate. {@code retained} marks the copy a broker
 * sends of its stored message on subscribe, which is not part of the live flow.
 */
record Reception(String subscriber, String payload, String topic, Qos qos, boolean retained, long nanos) {}
