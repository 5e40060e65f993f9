package org.sngw.app.simulate;

/** What one {@link ClientLoop} counted; read by the main thread only after the loop has ended. */
final class LoopStats {
  final LatencyHistogram latencies = new LatencyHistogram();
  /** Messages sent in total, and while measuring. */
  long sent;
  long sentMeasured;
  /** Acks (PUBACK, or PUBCOMP at QoS 2) read while measuring; at QoS 0, messages sent then. */
  long ackedMeasured;
  long ackedOutside;
  long timeouts;
  /** PUBACKs with a return code other than accepted. */
  long rejected;
  /** Acks for ids no longer in flight, usually after a timeout gave up on them. */
  long lateAcks;
  long unexpected;
  /** CONNACKs and REGACKs answering a handshake packet this generator sent again. */
  long handshakeRepeats;
  /** Handshake packets sent again because no answer came in time. */
  long handshakeRetries;
  /** Sleeping clients: DISCONNECTs with a duration the gateway answered, wake-ups it accepted and refused. */
  long sleeps;
  long wakeUps;
  long wakeRefusals;
  /** Sleeping clients: from a wake-up's first CONNECT to its CONNACK. */
  final LatencyHistogram wakeLatencies = new LatencyHistogram();
  /** From the first CONNECT to the last client ready, the longest over the loops. */
  long handshakeNanos;
  long malformed;
  /** Sends the kernel refused for want of buffer space (retried later), or that failed. */
  long sendFailures;
  /** Reads that failed, such as ICMP port unreachable while the gateway is down. */
  long receiveErrors;
  long disconnects;
  /** Burst mode: nanoseconds from the first to the last datagram sent. */
  long burstNanos;
  /** CPU time the loop's thread had used when it ended, read there since a dead thread has none. */
  long finalCpuNanos;

  void add(LoopStats other) {
    latencies.add(other.latencies);
    sent += other.sent;
    sentMeasured += other.sentMeasured;
    ackedMeasured += other.ackedMeasured;
    ackedOutside += other.ackedOutside;
    timeouts += other.timeouts;
    rejected += other.rejected;
    lateAcks += other.lateAcks;
    unexpected += other.unexpected;
    handshakeRepeats += other.handshakeRepeats;
    handshakeRetries += other.handshakeRetries;
    sleeps += other.sleeps;
    wakeUps += other.wakeUps;
    wakeRefusals += other.wakeRefusals;
    wakeLatencies.add(other.wakeLatencies);
    handshakeNanos = Math.max(handshakeNanos, other.handshakeNanos);
    malformed += other.malformed;
    sendFailures += other.sendFailures;
    receiveErrors += other.receiveErrors;
    disconnects += other.disconnects;
    burstNanos = Math.max(burstNanos, other.burstNanos);
    finalCpuNanos += other.finalCpuNanos;
  }
}
