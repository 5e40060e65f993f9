package org.sngw.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sngw.mqtt.MqttListenerPublishIT.message;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sngw.message.Qos;
import org.sngw.mqtt.TestBroker.Ack;
import org.sngw.mqtt.TestBroker.AckKind;

/** Deliveries from the broker to subscribed clients, subscription acks and their order. */
class MqttListenerDeliveryIT {
  private final ListenerHarness harness = new ListenerHarness();
  private final TestBroker broker = harness.broker;

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void deliver_qos0_reachesSubscriber() {
    String printed = subscribeAndDeliver("sub0", Qos.AT_MOST_ONCE);

    assertThat(printed).isEqualTo("out/t hello\n");
    assertThat(broker.acks).isEmpty();
  }

  @Test
  void deliver_qos1_isAcknowledged() {
    String printed = subscribeAndDeliver("sub1", Qos.AT_LEAST_ONCE);

    assertThat(printed).isEqualTo("out/t hello\n");
    await().until(() -> broker.acks.contains(new Ack(AckKind.ACKNOWLEDGED, "sub1", 1)));
  }

  @Test
  void deliver_qos2_isReceivedReleasedAndCompleted() {
    String printed = subscribeAndDeliver("sub2", Qos.EXACTLY_ONCE);

    assertThat(printed).isEqualTo("out/t hello\n");
    // the broker answers RECEIVED with release(), which the listener sends as PUBREL
    await().until(() -> broker.acks.contains(new Ack(AckKind.COMPLETED, "sub2", 1)));
    assertThat(broker.acks)
        .containsExactly(new Ack(AckKind.RECEIVED, "sub2", 1), new Ack(AckKind.COMPLETED, "sub2", 1));
  }

  @Test
  void subscribe_deniedFilter_getsFailureCodeNextToGrantedQos() throws Exception {
    try (RawClient client = RawClient.connected(harness.address(), "acl", 0)) {
      client.send(RawClient.subscribe(7, ListenerHarness.DENIED_FILTER, 1, "allowed/topic", 2));

      // SUBACK, remaining length 4, packet id 7, then 0x80 (failure) and QoS 2
      client.expect(0x90, 0x04, 0x00, 0x07, 0x80, 0x02);
    }
  }

  @Test
  void subscribe_retainedMessage_followsTheSuback() throws Exception {
    harness.publishFromBroker(message("kept/t", "v", Qos.AT_MOST_ONCE, true));
    await().until(() -> !broker.published.isEmpty());
    try (RawClient client = RawClient.connected(harness.address(), "late", 0)) {
      client.send(RawClient.subscribe(1, "kept/t", 0, "other/t", 0));

      client.expect(0x90, 0x04, 0x00, 0x01, 0x00, 0x00);
      // PUBLISH with retain, remaining length 9, topic "kept/t", payload "v"
      client.expect(0x31, 0x09, 0x00, 0x06, 'k', 'e', 'p', 't', '/', 't', 'v');
    }
  }

  @Test
  void unsubscribe_isAcknowledgedAfterTheBroker() throws Exception {
    try (RawClient client = RawClient.connected(harness.address(), "leaver", 0)) {
      client.send(RawClient.unsubscribe(9, "some/topic"));

      client.expect(0xB0, 0x02, 0x00, 0x09);
    }
    assertThat(broker.unsubscribes).containsExactly(List.of("some/topic"));
  }

  @Test
  void pingreq_isAnsweredWithPingresp() throws Exception {
    try (RawClient client = RawClient.connected(harness.address(), "pinger", 0)) {
      client.send(RawClient.pingReq());

      client.expect(0xD0, 0x00);
    }
  }

  /** Starts mosquitto_sub for one message, delivers it once subscribed, returns what it printed. */
  private String subscribeAndDeliver(String clientId, Qos qos) {
    Process sub = MosquittoClients.sub(harness.port,
        "-i", clientId, "-t", "out/t", "-q", Integer.toString(qos.value()), "-C", "1", "-W", "10", "-v");
    await().until(() -> broker.subscribes.stream().anyMatch(s -> s.clientId().equals(clientId)));

    harness.publishFromBroker(message("out/t", "hello", qos, false));

    return MosquittoClients.output(sub);
  }
}
