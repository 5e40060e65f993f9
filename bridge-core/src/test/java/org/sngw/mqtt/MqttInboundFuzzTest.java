package org.sngw.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttVersion;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.sngw.auth.Authenticator;
import org.sngw.broker.BrokerConfig;
import org.sngw.broker.topic.Topics;
import org.sngw.message.Message;

/**
 * Untrusted bytes on an MQTT connection, through the listener's own pipeline (Netty's decoder, then
 * our CONNECT and session handlers) into a recording broker. Netty parses; what is ours is what
 * happens next, and that is what this checks: nothing escapes the pipeline, only valid topic
 * names, client ids and wills reach the broker, and everything written back is a well-formed reply
 * of a kind the gateway sends.
 *
 * <p>Input: one control byte, then the bytes of the connection. Bit 0 set puts a valid CONNECT in
 * front so the fuzzer spends its time past the handshake; the other bits pick the read size.
 */
class MqttInboundFuzzTest {
  private static final int MAX_MESSAGE_BYTES = 4096;
  private static final Set<MqttMessageType> SENT_BY_THE_GATEWAY = EnumSet.of(
      MqttMessageType.CONNACK, MqttMessageType.PUBLISH, MqttMessageType.PUBACK, MqttMessageType.PUBREC,
      MqttMessageType.PUBREL, MqttMessageType.PUBCOMP, MqttMessageType.SUBACK, MqttMessageType.UNSUBACK,
      MqttMessageType.PINGRESP, MqttMessageType.DISCONNECT);

  /** CONNECT, MQTT 3.1.1, clean session, keep-alive 60 s, client id "fz". */
  private static final byte[] CONNECT =
      {0x10, 0x0E, 0x00, 0x04, 'M', 'Q', 'T', 'T', 0x04, 0x02, 0x00, 0x3C, 0x00, 0x02, 'f', 'z'};

  @FuzzTest
  void inbound_anyBytes_onlyValidRequestsReachTheBroker(byte[] input) {
    if (input.length == 0) {
      return;
    }
    TestBroker broker = new TestBroker(Set.of());
    EmbeddedChannel channel = new EmbeddedChannel();
    MqttPipeline.init(channel.pipeline(), MAX_MESSAGE_BYTES,
        new ConnectHandler(new BrokerConfig(100, 10, MAX_MESSAGE_BYTES), Authenticator.anyone(), broker, Runnable::run,
            new MqttStats(), new ConnectionCounts(), Optional.empty()));
    FirstLevel firstLevel = new FirstLevel();
    channel.pipeline().addAfter("decoder", "first-level", firstLevel);
    int readSize = ((input[0] & 0xFF) >> 1) + 1;
    if ((input[0] & 1) != 0) {
      channel.writeInbound(Unpooled.wrappedBuffer(CONNECT));
    }
    for (int at = 1; at < input.length && channel.isOpen(); at += readSize) {
      channel.writeInbound(Unpooled.copiedBuffer(input, at, Math.min(readSize, input.length - at)));
      channel.checkException();
    }

    assertRepliesAreWellFormed(channel, firstLevel.level);
    channel.finishAndReleaseAll();
    assertOnlyValidRequests(broker);
  }

  private static void assertOnlyValidRequests(TestBroker broker) {
    assertThat(broker.connects).allSatisfy(connect -> {
      assertThat(connect.clientId()).isNotEmpty();
      connect.will().map(Message::topic).ifPresent(topic -> assertThat(Topics.isValidName(topic)).isTrue());
    });
    assertThat(broker.published).allSatisfy(p -> assertThat(Topics.isValidName(p.message().topic()))
        .as("published to %s", p.message().topic()).isTrue());
    // Filters go to the broker as sent: it refuses an invalid one with SUBACK 0x80, not a close.
    assertThat(broker.subscribes).allSatisfy(s -> assertThat(s.subscriptions()).isNotEmpty());
    assertThat(broker.unsubscribes).allSatisfy(filters -> assertThat(filters).isNotEmpty());
  }

  /** The protocol level of the connection's first CONNECT, as a client reading the replies knows it. */
  private static final class FirstLevel extends ChannelInboundHandlerAdapter {
    private MqttVersion level;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (level == null && msg instanceof MqttConnectMessage) {
        level = ProtocolLevel.of(ctx.channel());
      }
      ctx.fireChannelRead(msg);
    }
  }

  // What the gateway wrote, read back by a decoder of its own at the connection's protocol level
  // (MQTT 5's replies carry reason codes and properties): every packet parses cleanly.
  private static void assertRepliesAreWellFormed(EmbeddedChannel channel, MqttVersion level) {
    EmbeddedChannel reader = new EmbeddedChannel(new MqttDecoder(MAX_MESSAGE_BYTES));
    if (level != null) {
      ProtocolLevel.restore(reader, level);
    }
    for (Object out = channel.readOutbound(); out != null; out = channel.readOutbound()) {
      reader.writeInbound((ByteBuf) out);
    }
    for (Object in = reader.readInbound(); in != null; in = reader.readInbound()) {
      MqttMessage reply = (MqttMessage) in;
      assertThat(reply.decoderResult().isSuccess()).as("reply %s", reply).isTrue();
      assertThat(reply.fixedHeader().messageType()).isIn(SENT_BY_THE_GATEWAY);
    }
    reader.finishAndReleaseAll();
  }
}
