package org.sngw.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sngw.message.Message;
import org.sngw.message.Qos;
import org.sngw.mqtt.TestBroker.AckKind;
import org.sngw.mqtt.TestBroker.Disconnected;
import org.sngw.mqtt.TestBroker.Published;

/** PUBLISH from clients into the broker, with the acknowledgements each QoS needs. */
class MqttListenerPublishIT {
  private final ListenerHarness harness = new ListenerHarness();
  private final TestBroker broker = harness.broker;

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void publish_qos0Retained_reachesBrokerWithTopicPayloadAndFlags() {
    int exit = MosquittoClients.pub(
        harness.port, "-i", "pub0", "-t", "sensors/temp", "-m", "21.5", "-q", "0", "-r");

    assertThat(exit).isZero();
    // nothing acknowledges QoS 0: wait for the graceful disconnect, which the core handles after it
    await().until(() -> broker.disconnects.contains(new Disconnected("pub0", true)));
    assertThat(broker.published)
        .containsExactly(new Published("pub0", message("sensors/temp", "21.5", Qos.AT_MOST_ONCE, true)));
  }

  @Test
  void publish_qos1_isAcknowledgedWithPuback() {
    // mosquitto_pub exits 0 only after the PUBACK
    int exit = MosquittoClients.pub(harness.port, "-i", "pub1", "-t", "sensors/hum", "-m", "55", "-q", "1");

    assertThat(exit).isZero();
    assertThat(broker.published)
        .containsExactly(new Published("pub1", message("sensors/hum", "55", Qos.AT_LEAST_ONCE, false)));
  }

  @Test
  void publish_qos2_isReceivedReleasedAndCompleted() {
    // mosquitto_pub exits 0 only after PUBREC, its PUBREL and the PUBCOMP
    int exit = MosquittoClients.pub(harness.port, "-i", "pub2", "-t", "sensors/door", "-m", "open", "-q", "2");

    assertThat(exit).isZero();
    assertThat(broker.published)
        .containsExactly(new Published("pub2", message("sensors/door", "open", Qos.EXACTLY_ONCE, false)));
    assertThat(broker.acks).singleElement()
        .satisfies(ack -> assertThat(ack.kind()).isEqualTo(AckKind.RELEASED_INBOUND))
        .satisfies(ack -> assertThat(ack.clientId()).isEqualTo("pub2"));
  }

  @Test
  void publish_emptyTopicName_closesConnectionUngracefully() throws Exception {
    try (RawClient client = RawClient.connected(harness.address(), "empty-topic", 0)) {
      client.send(RawClient.publish("", "x"));

      client.awaitClosedByServer();
    }
    await().until(() -> broker.disconnects.contains(new Disconnected("empty-topic", false)));
    assertThat(broker.published).isEmpty();
  }

  @Test
  void publish_wildcardTopicName_closesConnection() throws Exception {
    try (RawClient client = RawClient.connected(harness.address(), "wildcard", 0)) {
      client.send(RawClient.publish("sensors/+", "x"));

      client.awaitClosedByServer();
    }
    await().until(() -> broker.disconnects.contains(new Disconnected("wildcard", false)));
    assertThat(broker.published).isEmpty();
  }

  @Test
  void publish_qos0WithDup_isAProtocolViolationAndClosesConnection() throws Exception {
    try (RawClient client = RawClient.connected(harness.address(), "dup0", 0)) {
      byte[] publish = RawClient.publish("sensors/a", "x");
      publish[0] |= 0x08; // DUP, which MQTT 3.1.1 forbids at QoS 0 [MQTT-3.3.1-2]
      client.send(publish);

      client.awaitClosedByServer();
    }
    await().until(() -> broker.disconnects.contains(new Disconnected("dup0", false)));
    assertThat(broker.published).isEmpty();
  }

  static Message message(String topic, String payload, Qos qos, boolean retain) {
    return new Message(topic, payload.getBytes(StandardCharsets.UTF_8), qos, retain);
  }
}
