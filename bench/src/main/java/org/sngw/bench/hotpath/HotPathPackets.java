package org.sngw.bench.hotpath;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.sngw.sn.codec.ReturnCode;
import org.sngw.sn.codec.SnEncoder;
import org.sngw.sn.codec.SnPacket;
import org.sngw.sn.codec.SnQos;
import org.sngw.sn.codec.SnTopic;

/**
 * The MQTT-SN packets a telemetry sensor exchanges with the gateway, as the benchmarks of this
 * package send them: a QoS 1 PUBLISH of a 32-byte reading under a registered topic id, its PUBACK,
 * and the CONNECT that starts the session.
 */
final class HotPathPackets {
  /** As in bench/RESULTS.md's load runs: 32 bytes, within the 20-40 of a typical reading. */
  static final int PAYLOAD_BYTES = 32;

  private HotPathPackets() {}

  static SnPacket.Publish publish(int topicId, int msgId) {
    byte[] reading = new byte[PAYLOAD_BYTES];
    Arrays.fill(reading, (byte) '7');
    return new SnPacket.Publish(false, SnQos.AT_LEAST_ONCE, false, new SnTopic.Registered(topicId), msgId, reading);
  }

  static SnPacket.PubAck pubAck(int topicId, int msgId) {
    return new SnPacket.PubAck(topicId, msgId, ReturnCode.ACCEPTED);
  }

  /** Clean session, no will, the keep-alive small battery sensors use. */
  static SnPacket.Connect connect(String clientId) {
    return new SnPacket.Connect(false, true, 60, clientId);
  }

  /** The packet in a direct buffer, as a Netty transport hands a datagram's content to its listener. */
  static ByteBuffer frame(SnPacket packet) {
    ByteBuffer heap = SnEncoder.encode(packet);
    return ByteBuffer.allocateDirect(heap.remaining()).put(heap).flip();
  }
}
