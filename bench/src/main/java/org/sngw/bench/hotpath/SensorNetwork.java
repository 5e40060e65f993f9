package org.sngw.bench.hotpath;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.sngw.sn.codec.ReturnCode;
import org.sngw.sn.codec.SnDecoder;
import org.sngw.sn.codec.SnMessageType;
import org.sngw.sn.codec.SnPacket;
import org.sngw.sn.codec.SnPacket.ConnAck;
import org.sngw.sn.codec.SnPacket.RegAck;
import org.sngw.sn.codec.SnPacket.SubAck;
import org.sngw.sn.codec.SnQos;
import org.sngw.sn.codec.SnTopic;
import org.sngw.transport.PeerAddress;
import org.sngw.transport.UdpPeer;

/**
 * The sensors' end of a {@link MemoryTransport}: publishers that each send readings under their own
 * topic {@code sensors/<n>/temp}, and one subscriber on {@code sensors/+/temp} at QoS 1 that answers
 * the gateway's REGISTERs and PUBLISHes as a sensor does. Frames on the hot path are built once and
 * reused, and what the gateway sends on it is read at fixed offsets rather than decoded, so this side
 * allocates nothing per message.
 *
 * <p>Frames go in on whichever thread calls {@link #connect} and {@link #publishAndDeliver} (the
 * transport's I/O thread); what the gateway sends arrives on its core loop, which sets the fields
 * that say what came back. The subscriber answers at once, as if there were no network between,
 * and is given one QoS 1 message at a time, so at most one answer is owed at once.
 */
final class SensorNetwork {
  private static final Duration PATIENCE = Duration.ofSeconds(10);
  private static final String SUBSCRIPTION = "sensors/+/temp";
  private static final int NONE = 0;
  private static final int PUBLISH = SnMessageType.PUBLISH.code();
  private static final int PUBACK = SnMessageType.PUBACK.code();
  private static final int REGISTER = SnMessageType.REGISTER.code();
  private static final int REGACK = SnMessageType.REGACK.code();
  private static final int ACCEPTED = ReturnCode.ACCEPTED.code();
  // Offsets in frames of the 1-byte length form: Length(1) MsgType(1), then the body.
  private static final int TYPE_AT = 1;
  private static final int PUBLISH_TOPIC_ID_AT = 3;
  private static final int PUBLISH_MSG_ID_AT = 5;
  /** REGISTER, REGACK and PUBACK: TopicId(2) MsgId(2) first. */
  private static final int TOPIC_ID_AT = 2;
  private static final int MSG_ID_AT = 4;
  private static final int ACK_RETURN_CODE_AT = 6;

  private final MemoryTransport transport = new MemoryTransport(this::sent);
  private final UdpPeer[] publishers;
  private final ByteBuffer[] readings;
  private final int[] msgIds;
  private final UdpPeer subscriber = peer(19_999);
  private final ByteBuffer pubAckAnswer = HotPathPackets.frame(HotPathPackets.pubAck(1, 1));
  private final ByteBuffer regAckAnswer = HotPathPackets.frame(new RegAck(1, 1, ReturnCode.ACCEPTED));
  private int published;
  private int answeredDeliveries;

  // Set on the core loop; the answering side only clears awaitedAnswer, before it answers.
  private volatile int acceptedPubAcks;
  private volatile int refusedPubAcks;
  private volatile int awaitedAnswer = NONE;
  private int awaitedTopicId;
  private int awaitedMsgId;
  private final AtomicReference<SnPacket> otherReply = new AtomicReference<>();

  SensorNetwork(int publisherCount) {
    publishers = new UdpPeer[publisherCount];
    readings = new ByteBuffer[publisherCount];
    msgIds = new int[publisherCount];
    for (int n = 0; n < publisherCount; n++) {
      publishers[n] = peer(20_000 + n);
    }
  }

  MemoryTransport transport() {
    return transport;
  }

  /**
   * Connects every sensor, registers each publisher's topic and subscribes the subscriber, then
   * has each publisher send one reading, so that the gateway has registered every topic with the
   * subscriber before anything is measured.
   */
  void connect() {
    for (int n = 0; n < publishers.length; n++) {
      requireAccepted(exchange(publishers[n], HotPathPackets.connect("sensor-" + n), ConnAck.class).returnCode());
      RegAck registered = exchange(publishers[n], new SnPacket.Register(0, 1, "sensors/" + n + "/temp"), RegAck.class);
      requireAccepted(registered.returnCode());
      readings[n] = HotPathPackets.frame(HotPathPackets.publish(registered.topicId(), 1));
    }
    requireAccepted(exchange(subscriber, HotPathPackets.connect("subscriber"), ConnAck.class).returnCode());
    SnPacket.Subscribe subscribe =
        new SnPacket.Subscribe(false, SnQos.AT_LEAST_ONCE, 1, new SnTopic.Named(SUBSCRIPTION));
    requireAccepted(exchange(subscriber, subscribe, SubAck.class).returnCode());
    publishAndDeliver(1);
  }

  /**
   * Each publisher sends {@code rounds} readings (QoS 1, without waiting for its PUBACKs), and after
   * each the subscriber answers what the gateway has sent it so far; returns once every reading is
   * acknowledged to its publisher and delivered to the subscriber, and the subscriber has answered.
   */
  void publishAndDeliver(int rounds) {
    for (int round = 0; round < rounds; round++) {
      for (int n = 0; n < publishers.length; n++) {
        ByteBuffer reading = readings[n];
        reading.putShort(PUBLISH_MSG_ID_AT, (short) nextMsgId(n));
        transport.receive(publishers[n], reading);
        answerSubscriber();
      }
    }
    published += rounds * publishers.length;
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (acceptedPubAcks < published || answeredDeliveries < published) {
      if (!answerSubscriber()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("after " + PATIENCE.toSeconds() + " s, of " + published + " readings "
              + acceptedPubAcks + " were accepted, " + refusedPubAcks + " refused and " + answeredDeliveries
              + " delivered");
        }
        Thread.yield();
      }
    }
  }

  /** Sends the subscriber's answer to what the gateway sent it last, if any is owed. */
  private boolean answerSubscriber() {
    int answer = awaitedAnswer;
    if (answer == NONE) {
      return false;
    }
    // Cleared before answering: the gateway's next packet to the subscriber may follow at once.
    awaitedAnswer = NONE;
    ByteBuffer frame = answer == PUBACK ? pubAckAnswer : regAckAnswer;
    frame.putShort(TOPIC_ID_AT, (short) awaitedTopicId).putShort(MSG_ID_AT, (short) awaitedMsgId);
    transport.receive(subscriber, frame);
    if (answer == PUBACK) {
      answeredDeliveries++;
    }
    return true;
  }

  /** On the core loop: a frame the gateway sends to one of the sensors. */
  private void sent(PeerAddress to, ByteBuffer frame) {
    int at = frame.position();
    int type = frame.get(at + TYPE_AT) & 0xFF;
    boolean toSubscriber = to.equals(subscriber);
    if (type == PUBACK && !toSubscriber) {
      if (frame.get(at + ACK_RETURN_CODE_AT) == ACCEPTED) {
        acceptedPubAcks++;
      } else {
        refusedPubAcks++;
      }
    } else if (type == PUBLISH && toSubscriber) {
      await(PUBACK, u16(frame, at + PUBLISH_TOPIC_ID_AT), u16(frame, at + PUBLISH_MSG_ID_AT));
    } else if (type == REGISTER && toSubscriber) {
      await(REGACK, u16(frame, at + TOPIC_ID_AT), u16(frame, at + MSG_ID_AT));
    } else {
      otherReply.set((SnPacket) SnDecoder.decode(frame));
    }
  }

  private void await(int answer, int topicId, int msgId) {
    awaitedTopicId = topicId;
    awaitedMsgId = msgId;
    awaitedAnswer = answer;
  }

  /** Sends a packet of the session's setup and waits for the gateway's answer. */
  private <T extends SnPacket> T exchange(UdpPeer from, SnPacket packet, Class<T> answerType) {
    transport.receive(from, HotPathPackets.frame(packet));
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    SnPacket reply;
    while ((reply = otherReply.getAndSet(null)) == null) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(packet.type() + " from " + from + " got no answer");
      }
      Thread.yield();
    }
    return answerType.cast(reply);
  }

  private int nextMsgId(int publisher) {
    msgIds[publisher] = msgIds[publisher] == 0xFFFF ? 1 : msgIds[publisher] + 1;
    return msgIds[publisher];
  }

  private static void requireAccepted(ReturnCode code) {
    if (code != ReturnCode.ACCEPTED) {
      throw new IllegalStateException("the gateway answered " + code);
    }
  }

  private static int u16(ByteBuffer frame, int at) {
    return frame.getShort(at) & 0xFFFF;
  }

  private static UdpPeer peer(int port) {
    return new UdpPeer(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
  }
}
