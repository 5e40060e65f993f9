package org.sngw.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttVersion;
import org.junit.jupiter.api.Test;

/** Netty's decoder still keeps the CONNECT's level where ProtocolLevel looks for it, and writes put it back. */
class ProtocolLevelTest {
  @Test
  void nettysDecoder_keepsTheLevelOfTheConnectItDecoded_underTheKeyWeRestore() {
    EmbeddedChannel channel = new EmbeddedChannel(new MqttDecoder());

    channel.writeInbound(Unpooled.wrappedBuffer(RawClient.connect5("level", true)));
    assertThat(ProtocolLevel.of(channel)).isEqualTo(MqttVersion.MQTT_5);

    channel.writeInbound(Unpooled.wrappedBuffer(RawClient.connect("MQTT", 4, "again", true, 0)));
    assertThat(ProtocolLevel.of(channel)).as("a second CONNECT changes it").isEqualTo(MqttVersion.MQTT_3_1_1);
    ProtocolLevel.restore(channel, MqttVersion.MQTT_5);
    assertThat(ProtocolLevel.of(channel)).isEqualTo(MqttVersion.MQTT_5);
    channel.finishAndReleaseAll();
  }

  @Test
  void aWrite_setsTheAcceptedLevelBack_beforeTheEncoderReadsIt() {
    EmbeddedChannel channel = new EmbeddedChannel(new MqttDecoder());
    channel.writeInbound(Unpooled.wrappedBuffer(RawClient.connect5("level", true)));
    channel.pipeline().addLast(ProtocolLevel.pinned(channel));
    ProtocolLevel.restore(channel, MqttVersion.MQTT_3_1_1);

    channel.writeOutbound("anything");

    assertThat(ProtocolLevel.of(channel)).isEqualTo(MqttVersion.MQTT_5);
    channel.finishAndReleaseAll();
  }
}
