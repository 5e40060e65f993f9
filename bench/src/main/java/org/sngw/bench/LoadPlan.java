package org.sngw.bench;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import org.sngw.sn.codec.SnQos;

/**
 * A validated command line.
 *
 * @param gateway a running gateway's MQTT-SN address; empty starts one in this JVM
 * @param mqtt the running gateway's MQTT address, for the subscriber
 * @param rate messages per second over all clients; 0 means as fast as acks allow
 * @param inMemory the gateway started here keeps no store, like its --in-memory flag
 * @param burst unpaced QoS 0 datagrams to send instead of a timed load run; 0 for a load run
 */
record LoadPlan(
    Optional<InetSocketAddress> gateway,
    Optional<InetSocketAddress> mqtt,
    boolean inMemory,
    int clients,
    SnQos qos,
    int window,
    double rate,
    int payloadBytes,
    Duration warmup,
    Duration duration,
    int threads,
    Duration ackTimeout,
    SubscriberMode subscriber,
    int subscriberQos,
    String subscriberFilter,
    int burst) {

  boolean isBurst() {
    return burst > 0;
  }
}
