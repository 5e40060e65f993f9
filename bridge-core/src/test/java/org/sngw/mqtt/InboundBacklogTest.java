package org.sngw.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.sngw.auth.Authenticator;
import org.sngw.broker.BrokerConfig;
import org.sngw.broker.BrokerCore;

/**
 * A client that sends faster than the core works, through the listener's pipeline into the real
 * broker, with a core that runs only when the test says so: whatever the packet type, its socket
 * is no longer read once {@link InboundBacklog#MAX_PACKETS} packets or {@link
 * InboundBacklog#MAX_BYTES} bytes wait for the core, and reading resumes once the core caught up.
 */
class InboundBacklogTest {
  private static final int MAX_MESSAGE_BYTES = 64 * 1024;
  /** CONNECT, MQTT 3.1.1, clean session, keep-alive 60 s, client id "c". */
  private static final byte[] CONNECT =
      {0x10, 0x0D, 0x00, 0x04, 'M', 'Q', 'T', 'T', 0x04, 0x02, 0x00, 0x3C, 0x00, 0x01, 'c'};

  private final Queue<Runnable> coreTasks = new ArrayDeque<>();
  private final Executor core = coreTasks::add;
  private final BrokerCore broker = new BrokerCore(new BrokerConfig(100, 32, MAX_MESSAGE_BYTES));

  @Test
  void subscribesFasterThanTheCoreWorks_stopReading_untilTheCoreCaughtUp() {
    EmbeddedChannel client = connected();
    int subscribes = InboundBacklog.MAX_PACKETS + 36;

    client.writeInbound(Unpooled.wrappedBuffer(subscribes(subscribes)));

    assertThat(client.config().isAutoRead()).isFalse();
    assertThat(replyTypes(client)).isEmpty();

    runCore();

    assertThat(client.config().isAutoRead()).isTrue();
    assertThat(replyTypes(client)).hasSize(subscribes).containsOnly(MqttMessageType.SUBACK);
    client.finishAndReleaseAll();
  }

  @Test
  void largePublishes_stopReadingByBytes_beforeTheirCountIsReached() {
    EmbeddedChannel client = connected();
    int payload = 32 * 1024;
    int belowTheCount = InboundBacklog.MAX_PACKETS / 2;
    assertThat((long) belowTheCount * payload).isGreaterThanOrEqualTo(InboundBacklog.MAX_BYTES);

    client.writeInbound(Unpooled.wrappedBuffer(publishesQos0("t", belowTheCount, payload)));

    assertThat(client.config().isAutoRead()).isFalse();

    runCore();

    assertThat(client.config().isAutoRead()).isTrue();
    client.finishAndReleaseAll();
  }

  @Test
  void aFewPacketsAtATime_neverStopReading() {
    EmbeddedChannel client = connected();

    for (int round = 0; round < 10; round++) {
      client.writeInbound(Unpooled.wrappedBuffer(subscribes(InboundBacklog.MAX_PACKETS - 1)));
      assertThat(client.config().isAutoRead()).isTrue();
      runCore();
    }

    assertThat(replyTypes(client)).hasSize(10 * (InboundBacklog.MAX_PACKETS - 1));
    client.finishAndReleaseAll();
  }

  private EmbeddedChannel connected() {
    EmbeddedChannel channel = new EmbeddedChannel();
    MqttPipeline.init(channel.pipeline(), MAX_MESSAGE_BYTES, new ConnectHandler(
        new BrokerConfig(100, 32, MAX_MESSAGE_BYTES), Authenticator.anyone(), broker, core, new MqttStats(),
        new ConnectionCounts(), Optional.empty()));
    channel.writeInbound(Unpooled.wrappedBuffer(CONNECT));
    runCore();
    assertThat(replyTypes(channel)).containsExactly(MqttMessageType.CONNACK);
    return channel;
  }

  private void runCore() {
    for (Runnable task = coreTasks.poll(); task != null; task = coreTasks.poll()) {
      task.run();
    }
  }

  /** SUBSCRIBE packets to filter "f" at QoS 0 with ids 1..count, back to back. */
  private static byte[] subscribes(int count) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int id = 1; id <= count; id++) {
      out.writeBytes(new byte[] {(byte) 0x82, 6, (byte) (id >> 8), (byte) id, 0, 1, 'f', 0});
    }
    return out.toByteArray();
  }

  /** QoS 0 PUBLISH packets of {@code size} payload bytes, back to back. */
  private static byte[] publishesQos0(String topic, int count, int size) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int remaining = 2 + topic.length() + size;
    for (int i = 0; i < count; i++) {
      out.write(0x30);
      for (int left = remaining; left > 0; left >>= 7) {
        out.write((left & 0x7F) | (left > 0x7F ? 0x80 : 0));
      }
      out.write(0);
      out.write(topic.length());
      out.writeBytes(topic.getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(new byte[size]);
    }
    return out.toByteArray();
  }

  private static List<MqttMessageType> replyTypes(EmbeddedChannel channel) {
    EmbeddedChannel reader = new EmbeddedChannel(new MqttDecoder(MAX_MESSAGE_BYTES));
    for (Object out = channel.readOutbound(); out != null; out = channel.readOutbound()) {
      reader.writeInbound((ByteBuf) out);
    }
    List<MqttMessageType> types = new ArrayList<>();
    for (Object in = reader.readInbound(); in != null; in = reader.readInbound()) {
      types.add(((MqttMessage) in).fixedHeader().messageType());
    }
    reader.finishAndReleaseAll();
    return types;
  }
}
