package org.sngw.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sngw.auth.Authenticator;
import org.sngw.broker.BrokerConfig;
import org.sngw.broker.Subscription;
import org.sngw.message.MessageProperties;
import org.sngw.message.Qos;

/**
 * An MQTT 5 client's packets through the listener's pipeline, byte by byte as the fuzzer's seed
 * {@code mqtt5-connect-aliases-properties-subscribe-options} has them, so the seed is known to
 * reach what it is meant to: aliases resolved, properties kept, subscription options read, and a
 * DISCONNECT with reason 0x04 ending the connection with its will.
 */
class Mqtt5InboundTest {
  private static final String SEED = "/org/sngw/mqtt/MqttInboundFuzzTestInputs/"
      + "inbound_anyBytes_onlyValidRequestsReachTheBroker/mqtt5-connect-aliases-properties-subscribe-options";

  @Test
  void seed_reachesTheBroker_asTheMqtt5ClientMeantIt() throws Exception {
    TestBroker broker = new TestBroker(Set.of());
    EmbeddedChannel channel = new EmbeddedChannel();
    MqttPipeline.init(channel.pipeline(), 4096, new ConnectHandler(new BrokerConfig(100, 10, 4096),
        Authenticator.anyone(), broker, Runnable::run, new MqttStats(), new ConnectionCounts(), Optional.empty()));
    byte[] seed = seed();

    channel.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOfRange(seed, 1, seed.length)));

    assertThat(broker.connects).singleElement().satisfies(connect -> assertThat(connect.clientId()).isEqualTo("f5"));
    assertThat(broker.published).extracting(published -> published.message().topic())
        .containsExactly("a/b", "a/b", "c");
    MessageProperties properties = broker.published.get(2).message().properties();
    assertThat(properties.contentType()).hasValue("t/p");
    assertThat(properties.userProperties()).containsExactly(new MessageProperties.UserProperty("k", "v"));
    assertThat(broker.subscribes).singleElement().satisfies(subscribe -> assertThat(subscribe.subscriptions())
        .containsExactly(new Subscription("a/#", Qos.AT_LEAST_ONCE, Subscription.RetainHandling.NEVER,
            true, true, 5)));
    assertThat(broker.disconnects).containsExactly(new TestBroker.Disconnected("f5", false));
    assertThat(channel.isOpen()).isFalse();
    channel.finishAndReleaseAll();
  }

  private static byte[] seed() throws IOException {
    try (InputStream in = Mqtt5InboundTest.class.getResourceAsStream(SEED)) {
      return in.readAllBytes();
    }
  }
}
