package org.sngw.app.simulate;

import java.time.Duration;
import org.sngw.sn.codec.SnQos;

/**
 * What every {@link ClientLoop} needs to know about the run.
 *
 * @param ratePerThread messages per second one loop may send; 0 means as fast as acks allow
 * @param burstPerThread burst mode: QoS 0 datagrams one loop sends unpaced; 0 in a load run
 * @param sleep how long each client sleeps after each acknowledged publish; zero: never
 */
record LoadSettings(
    SnQos qos,
    int window,
    int payloadBytes,
    Duration ackTimeout,
    double ratePerThread,
    int burstPerThread,
    Duration sleep,
    String runTag) {
  boolean sleeping() {
    return !sleep.isZero();
  }
}
