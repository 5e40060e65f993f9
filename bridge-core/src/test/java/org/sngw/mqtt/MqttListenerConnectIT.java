package org.sngw.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sngw.mqtt.MqttListenerPublishIT.message;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sngw.broker.BrokerConfig;
import org.sngw.broker.ConnectRequest;
import org.sngw.message.Qos;
import org.sngw.mqtt.TestBroker.Disconnected;
import org.sngw.mqtt.TestBroker.Published;

/** CONNECT rules, protocol violations, wills, keep-alive and take-over. */
class MqttListenerConnectIT {
  private final ListenerHarness harness = new ListenerHarness();
  private final TestBroker broker = harness.broker;

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void connect_emptyClientIdClean_getsGeneratedId() throws Exception {
    try (RawClient client = RawClient.connected(harness.address(), "", 0)) {
      await().until(() -> !broker.connects.isEmpty());
    }
    ConnectRequest request = broker.connects.get(0);
    assertThat(request.clientId()).startsWith("auto-");
    assertThat(request.cleanSession()).isTrue();
    assertThat(request.inflightWindow()).isEqualTo(BrokerConfig.defaults().mqttInflightWindow());
  }

  @Test
  void connect_emptyClientIdPersistent_isRejected() throws Exception {
    try (RawClient client = new RawClient(harness.address())) {
      client.send(RawClient.connect("MQTT", 4, "", false, 0));

      // CONNACK, return code 2: identifier rejected
      client.expect(0x20, 0x02, 0x00, 0x02);
      client.awaitClosedByServer();
    }
    assertThat(broker.connects).isEmpty();
  }

  @Test
  void connect_clientIdOfABridgeOutbox_isRejected() throws Exception {
    try (RawClient client = new RawClient(harness.address())) {
      client.send(RawClient.connect("MQTT", 4, "$bridge/upstream-1", false, 0));

      // CONNACK, return code 2: identifier rejected; the outbox and its messages stay the bridge's
      client.expect(0x20, 0x02, 0x00, 0x02);
      client.awaitClosedByServer();
    }
    assertThat(broker.connects).isEmpty();
  }

  @Test
  void connect_mqtt5_takesTheClientsReceiveMaximum_andSessionExpiryMakesItPersistent() throws Exception {
    try (RawClient small = new RawClient(harness.address());
        RawClient kept = new RawClient(harness.address())) {
      // Receive Maximum (0x21) 5
      small.send(RawClient.connect5("five-small", true, (byte) 0x21, (byte) 0x00, (byte) 0x05));
      // Session Expiry Interval (0x11) 60 s
      kept.send(RawClient.connect5("five-kept", false, (byte) 0x11, (byte) 0, (byte) 0, (byte) 0, (byte) 60));

      // CONNACK
      small.expect(0x20);
      await().until(() -> broker.connects.size() == 2);
    }
    ConnectRequest small = broker.connects.stream().filter(c -> c.clientId().equals("five-small")).findFirst().orElseThrow();
    ConnectRequest kept = broker.connects.stream().filter(c -> c.clientId().equals("five-kept")).findFirst().orElseThrow();
    assertThat(small.inflightWindow()).isEqualTo(5);
    assertThat(small.cleanSession()).as("no session expiry: the session ends with the connection").isTrue();
    assertThat(kept.inflightWindow()).isEqualTo(BrokerConfig.defaults().mqttInflightWindow());
    assertThat(kept.cleanSession()).isFalse();
  }

  @Test
  void mqtt5Publish_withAnAliasOverTheMaximum_isToldWhyAndClosed() throws Exception {
    try (RawClient client = RawClient.connected5(harness.address(), "aliased")) {
      // PUBLISH QoS 0: empty topic, properties: Topic Alias (0x23) 40, payload "x"
      client.send(new byte[] {0x30, 0x07, 0x00, 0x00, 0x03, 0x23, 0x00, 0x28, 'x'});

      // DISCONNECT, reason 0x94: topic alias invalid, then its reason string
      client.expect(0xE0);
      byte[] disconnect = client.readRest();
      assertThat(disconnect[0]).isEqualTo((byte) 0x94);
      assertThat(new String(disconnect, StandardCharsets.UTF_8)).endsWith("topic alias 40 is over the maximum 32");
      client.awaitClosedByServer();
    }
  }

  @Test
  void connect_mqtt5WithAnAuthenticationMethod_isRefusedWithBadAuthenticationMethod() throws Exception {
    try (RawClient client = new RawClient(harness.address())) {
      // Authentication Method (0x15) "SCRAM"
      client.send(RawClient.connect5("scram", true, (byte) 0x15, (byte) 0, (byte) 5, (byte) 'S', (byte) 'C', (byte) 'R',
          (byte) 'A', (byte) 'M'));

      // CONNACK: no session, reason 0x8C bad authentication method, then its reason string
      client.expect(0x20);
      byte[] connAck = client.readRest();
      assertThat(connAck[0]).isZero();
      assertThat(connAck[1]).isEqualTo((byte) 0x8C);
      assertThat(new String(connAck, StandardCharsets.UTF_8)).endsWith("enhanced authentication is not offered");
      client.awaitClosedByServer();
    }
    assertThat(broker.connects).isEmpty();
  }

  @Test
  void mqtt5Client_sendingASecondConnect_isToldInMqtt5_thatItBrokeTheProtocol() throws Exception {
    try (RawClient client = RawClient.connected5(harness.address(), "twice")) {

      client.send(RawClient.connect("MQTT", 4, "twice", true, 0));

      // DISCONNECT at MQTT 5, though the second CONNECT said 3.1.1: reason 0x82 protocol error
      client.expect(0xE0);
      assertThat(client.readRest()[0]).isEqualTo((byte) 0x82);
      client.awaitClosedByServer();
    }
  }

  @Test
  void mqtt5Pubrel_forAnIdNothingWaitsUnder_getsPubcompPacketIdentifierNotFound() throws Exception {
    try (RawClient client = RawClient.connected5(harness.address(), "releaser")) {

      client.send(new byte[] {0x62, 0x02, 0x00, 0x09});

      // PUBCOMP for id 9, reason 0x92, no properties
      client.expect(0x70, 0x04, 0x00, 0x09, 0x92, 0x00);
    }
  }

  @Test
  void connect_unknownProtocolLevel_isRejected() throws Exception {
    try (RawClient client = new RawClient(harness.address())) {
      client.send(RawClient.connect("MQTT", 6, "future", true, 0));

      // CONNACK, return code 1: unacceptable protocol version
      client.expect(0x20, 0x02, 0x00, 0x01);
      client.awaitClosedByServer();
    }
    assertThat(broker.connects).isEmpty();
  }

  @Test
  void connect_mqtt31Client_isAccepted() {
    int exit = MosquittoClients.pub(harness.port, "-V", "mqttv31", "-i", "old", "-t", "a", "-m", "b", "-q", "1");

    assertThat(exit).isZero();
    assertThat(broker.published)
        .containsExactly(new Published("old", message("a", "b", Qos.AT_LEAST_ONCE, false)));
  }

  @Test
  void connect_persistentSessionResumed_connackSaysSessionPresent() throws Exception {
    try (RawClient first = new RawClient(harness.address())) {
      first.send(RawClient.connect("MQTT", 4, "keeper", false, 0));
      first.expect(0x20, 0x02, 0x00, 0x00);
    }
    await().until(() -> broker.disconnects.contains(new Disconnected("keeper", false)));

    try (RawClient again = new RawClient(harness.address())) {
      again.send(RawClient.connect("MQTT", 4, "keeper", false, 0));

      again.expect(0x20, 0x02, 0x01, 0x00);
    }
  }

  @Test
  void connect_resumedSessionWithQueuedMessage_connackComesFirst() throws Exception {
    try (RawClient first = new RawClient(harness.address())) {
      first.send(RawClient.connect("MQTT", 4, "queued", false, 0));
      first.expect(0x20, 0x02, 0x00, 0x00);
      first.send(RawClient.subscribe(1, "q/t", 1, "other/t", 1));
      first.expect(0x90, 0x04, 0x00, 0x01, 0x01, 0x01);
    }
    await().until(() -> broker.disconnects.contains(new Disconnected("queued", false)));
    harness.publishFromBroker(message("q/t", "m", Qos.AT_LEAST_ONCE, false));

    try (RawClient again = new RawClient(harness.address())) {
      again.send(RawClient.connect("MQTT", 4, "queued", false, 0));

      again.expect(0x20, 0x02, 0x01, 0x00);
      // PUBLISH QoS 1, remaining length 8, topic "q/t", packet id 1, payload "m"
      again.expect(0x32, 0x08, 0x00, 0x03, 'q', '/', 't', 0x00, 0x01, 'm');
    }
  }

  @Test
  void connect_publishBeforeConnect_closesWithoutSession() throws Exception {
    try (RawClient client = new RawClient(harness.address())) {
      client.send(RawClient.publish("a", "b"));

      client.awaitClosedByServer();
    }
    assertThat(broker.connects).isEmpty();
    assertThat(broker.published).isEmpty();
  }

  @Test
  void connect_garbageBytes_closesWithoutSession() throws Exception {
    try (RawClient client = new RawClient(harness.address())) {
      client.send(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});

      client.awaitClosedByServer();
    }
    assertThat(broker.connects).isEmpty();
  }

  @Test
  void connect_secondConnect_closesAndDisconnectsOnceUngracefully() throws Exception {
    try (RawClient client = RawClient.connected(harness.address(), "twice", 0)) {
      client.send(RawClient.connect("MQTT", 4, "twice", true, 0));

      client.awaitClosedByServer();
    }
    await().until(() -> !broker.disconnects.isEmpty());
    assertThat(broker.disconnects).containsExactly(new Disconnected("twice", false));
    assertThat(broker.connects).hasSize(1);
  }

  @Test
  void will_clientVanishes_isPublished() {
    Process sub = MosquittoClients.sub(harness.port, "-i", "vanisher", "-t", "any/t",
        "--will-topic", "wills/vanisher", "--will-payload", "gone", "--will-qos", "1", "--will-retain");
    await().until(() -> broker.subscribes.stream().anyMatch(s -> s.clientId().equals("vanisher")));

    sub.destroyForcibly();

    Published will = new Published(null, message("wills/vanisher", "gone", Qos.AT_LEAST_ONCE, true));
    await().until(() -> broker.published.contains(will));
    assertThat(broker.connects.get(0).will()).contains(will.message());
    assertThat(broker.disconnects).containsExactly(new Disconnected("vanisher", false));
  }

  @Test
  void will_afterDisconnect_isNotPublished() {
    int exit = MosquittoClients.pub(harness.port, "-i", "polite", "-t", "a", "-m", "b",
        "--will-topic", "wills/polite", "--will-payload", "gone");

    assertThat(exit).isZero();
    await().until(() -> broker.disconnects.contains(new Disconnected("polite", true)));
    assertThat(broker.connects.get(0).will()).isNotEqualTo(Optional.empty());
    assertThat(broker.published).extracting(p -> p.message().topic()).containsExactly("a");
  }

  @Test
  void keepAlive_silentClient_isClosedAfterOneAndAHalfPeriods() throws Exception {
    try (RawClient client = RawClient.connected(harness.address(), "sleeper", 1)) {
      long start = System.nanoTime();

      client.awaitClosedByServer();

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(1200));
    }
    await().atMost(Duration.ofSeconds(5))
        .until(() -> broker.disconnects.contains(new Disconnected("sleeper", false)));
  }

  @Test
  void takeOver_sameClientIdAgain_closesOnlyTheOldConnection() throws Exception {
    try (RawClient old = RawClient.connected(harness.address(), "twin", 0);
        RawClient current = RawClient.connected(harness.address(), "twin", 0)) {
      old.awaitClosedByServer();

      current.send(RawClient.pingReq());
      current.expect(0xD0, 0x00);
      assertThat(broker.disconnects).isEmpty();
    }
  }
}
