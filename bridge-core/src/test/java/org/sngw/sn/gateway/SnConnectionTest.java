package org.sngw.sn.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.sngw.broker.BrokerConfig;
import org.sngw.broker.BrokerCore;
import org.sngw.message.Message;
import org.sngw.message.Qos;
import org.sngw.sn.codec.ReturnCode;
import org.sngw.sn.codec.SnPacket;
import org.sngw.sn.codec.SnPacket.ConnAck;
import org.sngw.sn.codec.SnPacket.Connect;
import org.sngw.sn.codec.SnPacket.Disconnect;
import org.sngw.sn.codec.SnPacket.Publish;
import org.sngw.sn.codec.SnPacket.Subscribe;
import org.sngw.sn.codec.SnQos;
import org.sngw.sn.codec.SnTopic;
import org.sngw.store.InMemoryStore;
import org.sngw.time.VirtualTime;
import org.sngw.transport.UdpPeer;

/**
 * What the broker delivers from inside its connect call, before the sensor's connection has its
 * broker handle: answers owed to the broker then still reach it, once the handle is known.
 */
class SnConnectionTest {
  private final VirtualTime time = new VirtualTime();
  private final FakeTransport transport = new FakeTransport();
  private final BrokerCore broker = new BrokerCore(BrokerConfig.defaults());
  /** The persistent sensor "p1" has used up its 16-bit topic id space. */
  private final SnGateway gateway = new SnGateway(broker, MqttSnConfig.defaults(), time, time, new InMemoryStore(),
      Map.of("p1", Map.of(0xFFFF, "used/up")));
  private final VirtualSensor sensor = new VirtualSensor(transport, new UdpPeer(new InetSocketAddress("127.0.0.1", 40000)));

  @Test
  void messageGivenUpOnInsideConnect_isAcknowledgedToTheBroker_soTheNextOneFollows() {
    transport.start(gateway.listenerFor(transport, Runnable::run));
    sensor.send(new Connect(false, false, 600, "p1"));
    sensor.send(new Subscribe(false, SnQos.AT_LEAST_ONCE, 1, new SnTopic.Named("#")));
    sensor.send(new Disconnect(OptionalInt.empty()));
    sensor.received();
    // Queued while away: the first needs a new topic id, which the sensor cannot get; the second has a short name.
    broker.publish(null, message("needs/an/id"), outcome -> { });
    broker.publish(null, message("ab"), outcome -> { });

    sensor.send(new Connect(false, false, 600, "p1"));

    List<SnPacket> received = sensor.received();
    assertThat(received).first().isEqualTo(new ConnAck(ReturnCode.ACCEPTED));
    assertThat(received).hasSize(2).last().isInstanceOfSatisfying(Publish.class, publish -> {
      assertThat(publish.topic()).isEqualTo(new SnTopic.Short("ab"));
      assertThat(new String(publish.data(), StandardCharsets.UTF_8)).isEqualTo("reading");
    });
  }

  private static Message message(String topic) {
    return new Message(topic, "reading".getBytes(StandardCharsets.UTF_8), Qos.AT_LEAST_ONCE, false);
  }
}
