package org.sngw.app.simulate;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.sngw.sn.codec.SnQos;

/**
 * A validated {@code simulate} command line.
 *
 * @param gateway the MQTT-SN address of the gateway, for {@link Target#GATEWAY}
 * @param mqtt its MQTT address, for the subscriber
 * @param inMemory the gateway of {@link Target#IN_PROCESS} keeps no store, like its --in-memory flag
 * @param json the summary is one JSON object
 * @param rate messages per second over all clients; 0 means as fast as acks allow
 * @param burst unpaced QoS 0 datagrams to send instead of a timed load run; 0 for a load run
 * @param sleep how long each client sleeps between publishes, as battery sensors do; zero: never
 * @param subscribers how many MQTT subscribers, each on {@code subscriberFilter}, when there are any
 */
public record LoadPlan(
    Target target,
    InetSocketAddress gateway,
    InetSocketAddress mqtt,
    boolean inMemory,
    boolean json,
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
    int burst,
    Duration sleep,
    int subscribers) {
  /** What the clients talk to. */
  public enum Target {
    /** A gateway already running, at {@link #gateway()}. */
    GATEWAY,
    /** A gateway started in this JVM on random loopback ports. */
    IN_PROCESS,
    /** A responder in this JVM that acknowledges everything and routes nothing. */
    NULL_SINK
  }

  boolean isBurst() {
    return burst > 0;
  }
}
