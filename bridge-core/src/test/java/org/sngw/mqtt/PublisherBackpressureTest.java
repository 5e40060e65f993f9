package org.sngw.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.sngw.auth.Authenticator;
import org.sngw.broker.BrokerConfig;
import org.sngw.broker.BrokerCore;
import org.sngw.broker.ClientHandle;
import org.sngw.broker.ConnectRequest;
import org.sngw.broker.RestoredState;
import org.sngw.broker.SessionSink;
import org.sngw.broker.Subscription;
import org.sngw.message.Qos;
import org.sngw.store.InMemoryStore;
import org.sngw.time.VirtualTime;

/**
 * An MQTT publisher sending QoS 1 faster than a subscriber takes it, through the listener's
 * pipeline into the real broker: its PUBACKs wait while the subscriber's queue is full, its socket
 * is no longer read once {@link InboundBacklog#MAX_PACKETS} wait, and both resume, in
 * order, when the subscriber's hold time is up.
 */
class PublisherBackpressureTest {
  private static final Duration HOLD = Duration.ofSeconds(2);
  /** CONNECT, MQTT 3.1.1, clean session, keep-alive 60 s, client id "pub". */
  private static final byte[] CONNECT =
      {0x10, 0x0F, 0x00, 0x04, 'M', 'Q', 'T', 'T', 0x04, 0x02, 0x00, 0x3C, 0x00, 0x03, 'p', 'u', 'b'};

  private final VirtualTime time = new VirtualTime();
  private final BrokerCore broker = new BrokerCore(
      new BrokerConfig(2, 32, 4096).withBackpressureHold(HOLD), new InMemoryStore(), RestoredState.empty(), time,
      time.wall());

  @Test
  void publisherAheadOfAFullSubscriber_isNotReadUntilTheHoldEnds_thenEveryPubackComesInOrder() {
    subscribeSlowly("t");
    EmbeddedChannel publisher = connectedPublisher();
    int publishes = InboundBacklog.MAX_PACKETS + 36;

    publisher.writeInbound(Unpooled.wrappedBuffer(publishesQos1("t", publishes)));

    assertThat(pubAckIds(publisher)).as("one in flight and two queued; the fourth is held, the rest wait behind it")
        .containsExactly(1, 2, 3);
    assertThat(publisher.config().isAutoRead()).isFalse();

    time.advance(HOLD);

    assertThat(pubAckIds(publisher)).containsExactlyElementsOf(IntStream.rangeClosed(4, publishes).boxed().toList());
    assertThat(publisher.config().isAutoRead()).isTrue();
    assertThat(broker.refusedMessages()).isZero();
    publisher.finishAndReleaseAll();
  }

  @Test
  void publisherBehindNoFullSubscriber_isReadOnAndAnsweredAtOnce() {
    EmbeddedChannel publisher = connectedPublisher();
    int publishes = InboundBacklog.MAX_PACKETS * 2;

    publisher.writeInbound(Unpooled.wrappedBuffer(publishesQos1("t", publishes)));

    assertThat(pubAckIds(publisher)).hasSize(publishes);
    assertThat(publisher.config().isAutoRead()).isTrue();
    publisher.finishAndReleaseAll();
  }

  /** A subscriber with a window of 1 that never acknowledges. */
  private void subscribeSlowly(String filter) {
    ClientHandle slow =
        broker.connect(new ConnectRequest("slow", true, Optional.empty(), Duration.ZERO, 1), SessionSink.NONE);
    broker.subscribe(slow, List.of(new Subscription(filter, Qos.AT_LEAST_ONCE)), granted -> { });
  }

  private EmbeddedChannel connectedPublisher() {
    EmbeddedChannel channel = new EmbeddedChannel();
    MqttPipeline.init(channel.pipeline(), 4096,
        new ConnectHandler(new BrokerConfig(2, 32, 4096), Authenticator.anyone(), broker, Runnable::run, new MqttStats(),
            new ConnectionCounts(), Optional.empty()));
    channel.writeInbound(Unpooled.wrappedBuffer(CONNECT));
    assertThat(replies(channel)).extracting(m -> m.fixedHeader().messageType()).containsExactly(MqttMessageType.CONNACK);
    return channel;
  }

  /** PUBLISH QoS 1 packets with ids 1..count and a one-byte payload, back to back. */
  private static byte[] publishesQos1(String topic, int count) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int id = 1; id <= count; id++) {
      out.write(0x32);
      out.write(2 + topic.length() + 2 + 1);
      out.write(0);
      out.write(topic.length());
      out.writeBytes(topic.getBytes(StandardCharsets.US_ASCII));
      out.write(id >> 8);
      out.write(id & 0xFF);
      out.write('x');
    }
    return out.toByteArray();
  }

  private static List<Integer> pubAckIds(EmbeddedChannel channel) {
    List<Integer> ids = new ArrayList<>();
    for (MqttMessage reply : replies(channel)) {
      assertThat(reply.fixedHeader().messageType()).isEqualTo(MqttMessageType.PUBACK);
      ids.add(((MqttMessageIdVariableHeader) reply.variableHeader()).messageId());
    }
    return ids;
  }

  private static List<MqttMessage> replies(EmbeddedChannel channel) {
    EmbeddedChannel reader = new EmbeddedChannel(new MqttDecoder(4096));
    for (Object out = channel.readOutbound(); out != null; out = channel.readOutbound()) {
      reader.writeInbound((ByteBuf) out);
    }
    List<MqttMessage> replies = new ArrayList<>();
    for (Object in = reader.readInbound(); in != null; in = reader.readInbound()) {
      replies.add((MqttMessage) in);
    }
    reader.finishAndReleaseAll();
    return replies;
  }
}
