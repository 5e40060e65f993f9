package org.sngw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5RetainHandling;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sngw.auth.AccessConfig;
import org.sngw.bridge.BridgeState;
import org.sngw.config.GatewayConfig;
import org.sngw.config.ListenAddress;
import org.sngw.config.TopicRule.Direction;

/**
 * MQTT 5 clients beside MQTT 3.1.1 ones on the same listener: Debian's mosquitto_sub and
 * mosquitto_pub with {@code -V 5}, and HiveMQ's client for what those cannot express.
 */
class Mqtt5IT {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;
  private Gateway gateway;

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  @Test
  void mqtt5AndMqtt311Subscribers_onOnePort_getWhatASensorAndAnMqtt5PublisherSend() throws Exception {
    gateway = Gateway.start(LoopbackConfig.with(dir.resolve("data")));
    try (Mosquitto.Sub five = Mosquitto.subscribe(gateway.mqttAddress(), "sensors/#", 1, "-V", "5");
        Mosquitto.Sub three = Mosquitto.subscribe(gateway.mqttAddress(), "sensors/#", 1, "-V", "mqttv311");
        SnTestClient sensor = new SnTestClient(gateway.snAddress())) {
      sensor.connect("v5-sensor", 60);
      sensor.publishQos1(sensor.register("sensors/v5-sensor/t"), "21.5".getBytes(StandardCharsets.UTF_8));
      Mosquitto.publish(gateway.mqttAddress(), "sensors/app/cmd", "on", 2, "-V", "5");

      await().atMost(WAIT).untilAsserted(() -> {
        assertThat(five.messages()).containsExactly("sensors/v5-sensor/t 21.5", "sensors/app/cmd on");
        assertThat(three.messages()).containsExactly("sensors/v5-sensor/t 21.5", "sensors/app/cmd on");
      });
    }
  }

  @Test
  void publishProperties_reachMqtt5Subscribers_asMosquittoPubSentThem() throws Exception {
    gateway = Gateway.start(LoopbackConfig.with(dir.resolve("data")));
    try (Mosquitto.Sub five = Mosquitto.subscribe(gateway.mqttAddress(), "app/#", 1, "-V", "5",
        "-F", "%t|%C|%R|%D|%F|%P|%p");
        Mosquitto.Sub three = Mosquitto.subscribe(gateway.mqttAddress(), "app/#", 1, "-V", "mqttv311")) {
      Mosquitto.publish(gateway.mqttAddress(), "app/cmd", "on", 1, "-V", "5",
          "-D", "publish", "content-type", "text/plain", "-D", "publish", "response-topic", "app/reply",
          "-D", "publish", "correlation-data", "req-7", "-D", "publish", "payload-format-indicator", "1",
          "-D", "publish", "user-property", "site", "north", "-D", "publish", "message-expiry-interval", "3600");

      await().atMost(WAIT).untilAsserted(() -> {
        assertThat(five.messages()).containsExactly("app/cmd|text/plain|app/reply|req-7|1|site:north|on");
        assertThat(three.messages()).containsExactly("app/cmd on");
      });
    }
  }

  @Test
  void messageExpiry_runsOutWhileTheSubscriberIsOffline_andWhatIsLeftIsPassedOn() throws Exception {
    gateway = Gateway.start(LoopbackConfig.with(dir.resolve("data")));
    Mqtt5BlockingClient subscriber = client("sleeper-5").toBlocking();
    subscriber.connectWith().cleanStart(false).sessionExpiryInterval(3600).send();
    subscriber.subscribeWith().topicFilter("app/#").qos(MqttQos.AT_LEAST_ONCE).send();
    subscriber.disconnect();
    Mqtt5BlockingClient publisher = client("waker-5").toBlocking();
    publisher.connect();
    publisher.publishWith().topic("app/brief").qos(MqttQos.AT_LEAST_ONCE).messageExpiryInterval(1)
        .payload("brief".getBytes(StandardCharsets.UTF_8)).send();
    publisher.publishWith().topic("app/lasting").qos(MqttQos.AT_LEAST_ONCE).messageExpiryInterval(3600)
        .correlationData("c-1".getBytes(StandardCharsets.UTF_8)).payload("lasting".getBytes(StandardCharsets.UTF_8))
        .send();
    publisher.disconnect();
    // longer than the brief one's interval: a wall-clock expiry cannot be driven by a virtual time here
    Thread.sleep(2_200);

    try (Mqtt5BlockingClient.Mqtt5Publishes publishes = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
      subscriber.connectWith().cleanStart(false).sessionExpiryInterval(3600).send();
      Mqtt5Publish only = publishes.receive(WAIT.toSeconds(), TimeUnit.SECONDS).orElseThrow();
      assertThat(only.getTopic().toString()).isEqualTo("app/lasting");
      assertThat(only.getMessageExpiryInterval().getAsLong()).isBetween(3590L, 3599L);
      assertThat(only.getCorrelationData()).hasValueSatisfying(data ->
          assertThat(StandardCharsets.UTF_8.decode(data.duplicate()).toString()).isEqualTo("c-1"));
      assertThat(publishes.receive(1, TimeUnit.SECONDS)).as("the brief one expired").isEmpty();
    }
    subscriber.disconnect();
  }

  @Test
  void anMqtt5Bridge_carriesTheProperties_upAndDown() throws Exception {
    try (MosquittoBroker upstream = MosquittoBroker.start(dir.resolve("mosquitto"), MosquittoBroker.Options.plain())) {
      gateway = Gateway.start(TestBridges.gateway(dir.resolve("gateway"), TestBridges.bridge5(upstream.uri(), List.of(
          TestBridges.rule("sensors/#", Direction.OUT, "site-7/"), TestBridges.rule("cmd/#", Direction.IN, "site-7/")))));
      try (Mosquitto.Sub cloud = Mosquitto.subscribe(upstream.address(), "site-7/sensors/#", 1, "-V", "5",
          "-F", "%t|%C|%P|%p");
          Mosquitto.Sub local = Mosquitto.subscribe(gateway.mqttAddress(), "cmd/#", 1, "-V", "5", "-F", "%t|%R|%P|%p")) {
        await().atMost(WAIT).until(() -> gateway.bridgeState(TestBridges.NAME).orElseThrow() == BridgeState.CONNECTED);
        Mosquitto.publish(gateway.mqttAddress(), "sensors/t1/celsius", "21.5", 1, "-V", "5",
            "-D", "publish", "content-type", "text/plain", "-D", "publish", "user-property", "unit", "C");
        await().atMost(WAIT).untilAsserted(() ->
            assertThat(cloud.messages()).containsExactly("site-7/sensors/t1/celsius|text/plain|unit:C|21.5"));

        await().atMost(WAIT).untilAsserted(() -> {
          Mosquitto.publish(upstream.address(), "site-7/cmd/t1/led", "on", 1, "-V", "5",
              "-D", "publish", "response-topic", "site-7/replies/t1", "-D", "publish", "user-property", "by", "cloud");
          assertThat(local.messages()).contains("cmd/t1/led|site-7/replies/t1|by:cloud|on");
        });
      }
    }
  }

  @Test
  void subscriptionOptions_identifierNoLocalAndRetainAsPublished() throws Exception {
    gateway = Gateway.start(LoopbackConfig.with(dir.resolve("data")));
    try (Mosquitto.Sub identified = Mosquitto.subscribe(gateway.mqttAddress(), "ids/#", 1, "-V", "5",
        "-D", "subscribe", "subscription-identifier", "42", "-F", "%S|%t|%p");
        Mosquitto.Sub keeping = Mosquitto.subscribe(gateway.mqttAddress(), "ids/#", 1, "-V", "5",
            "--retain-as-published", "-F", "%r|%t|%p")) {
      Mqtt5BlockingClient chatty = client("chatty").toBlocking();
      chatty.connect();
      try (Mqtt5BlockingClient.Mqtt5Publishes own = chatty.publishes(MqttGlobalPublishFilter.ALL)) {
        chatty.subscribeWith().topicFilter("ids/#").qos(MqttQos.AT_LEAST_ONCE).noLocal(true).send();
        chatty.publishWith().topic("ids/x").qos(MqttQos.AT_LEAST_ONCE).retain(true)
            .payload("v".getBytes(StandardCharsets.UTF_8)).send();

        await().atMost(WAIT).untilAsserted(() -> {
          assertThat(identified.messages()).containsExactly("42|ids/x|v");
          assertThat(keeping.messages()).containsExactly("1|ids/x|v");
        });
        assertThat(own.receive(1, TimeUnit.SECONDS)).as("no-local: not back to its publisher").isEmpty();
      }
      chatty.disconnect();
    }
  }

  @Test
  void topicAliases_bothWays_withRealClients() throws Exception {
    gateway = Gateway.start(LoopbackConfig.with(dir.resolve("data")));
    Mqtt5BlockingClient receiver = client("alias-taker").toBlocking();
    receiver.connectWith().restrictions().topicAliasMaximum(8).applyRestrictions().send();
    try (Mqtt5BlockingClient.Mqtt5Publishes got = receiver.publishes(MqttGlobalPublishFilter.ALL);
        Mosquitto.Sub plain = Mosquitto.subscribe(gateway.mqttAddress(), "sensors/#", 1, "-V", "5")) {
      receiver.subscribeWith().topicFilter("sensors/#").qos(MqttQos.AT_LEAST_ONCE).send();
      // HiveMQ's client sends a repeated topic by its alias once the CONNACK allows aliases
      Mqtt5BlockingClient sender = client("alias-giver").toBlocking();
      sender.connect();
      for (int i = 0; i < 5; i++) {
        sender.publishWith().topic("sensors/a-rather-long-topic/of/one/sensor").qos(MqttQos.AT_LEAST_ONCE)
            .payload(("v" + i).getBytes(StandardCharsets.UTF_8)).send();
      }
      sender.disconnect();

      for (int i = 0; i < 5; i++) {
        Mqtt5Publish next = got.receive(WAIT.toSeconds(), TimeUnit.SECONDS).orElseThrow();
        assertThat(next.getTopic().toString()).isEqualTo("sensors/a-rather-long-topic/of/one/sensor");
        assertThat(new String(next.getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("v" + i);
      }
      await().atMost(WAIT).untilAsserted(() -> assertThat(plain.messages()).hasSize(5)
          .allMatch(line -> line.startsWith("sensors/a-rather-long-topic/of/one/sensor v")));
    }
    receiver.disconnect();
  }

  @Test
  void willDelay_holdsTheWill_andAClientBackInTimeHasNone() throws Exception {
    gateway = Gateway.start(LoopbackConfig.with(dir.resolve("data")));
    try (Mosquitto.Sub wills = Mosquitto.subscribe(gateway.mqttAddress(), "wills/#", 1, "-V", "5")) {
      Mqtt5BlockingClient late = client("late").toBlocking();
      connectWithDelayedWill(late, "wills/late");
      late.disconnectWith().reasonCode(Mqtt5DisconnectReasonCode.DISCONNECT_WITH_WILL_MESSAGE).send();
      Mqtt5BlockingClient back = client("back").toBlocking();
      connectWithDelayedWill(back, "wills/back");
      back.disconnectWith().reasonCode(Mqtt5DisconnectReasonCode.DISCONNECT_WITH_WILL_MESSAGE).send();
      back.connectWith().cleanStart(false).sessionExpiryInterval(600).send();

      assertThat(wills.messages()).as("within the delay").isEmpty();
      await().atMost(WAIT).untilAsserted(() -> assertThat(wills.messages()).containsExactly("wills/late gone"));
      back.disconnect();
    }
  }

  private static void connectWithDelayedWill(Mqtt5BlockingClient client, String topic) {
    client.connectWith().cleanStart(false).sessionExpiryInterval(600)
        .willPublish().topic(topic).payload("gone".getBytes(StandardCharsets.UTF_8)).delayInterval(2)
        .applyWillPublish().send();
  }

  @Test
  void receiveMaximum_one_holdsTheNextMessageUntilTheClientAcknowledges() throws Exception {
    gateway = Gateway.start(LoopbackConfig.with(dir.resolve("data")));
    Mqtt5BlockingClient slow = client("one-at-a-time").toBlocking();
    slow.connectWith().restrictions().receiveMaximum(1).applyRestrictions().send();
    try (Mqtt5BlockingClient.Mqtt5Publishes got = slow.publishes(MqttGlobalPublishFilter.ALL, true)) {
      slow.subscribeWith().topicFilter("work/#").qos(MqttQos.AT_LEAST_ONCE).send();
      Mqtt5BlockingClient publisher = client("producer").toBlocking();
      publisher.connect();
      for (int i = 1; i <= 3; i++) {
        publisher.publishWith().topic("work/" + i).qos(MqttQos.AT_LEAST_ONCE).payload(new byte[] {(byte) i}).send();
      }
      publisher.disconnect();

      for (int i = 1; i <= 3; i++) {
        Mqtt5Publish next = got.receive(WAIT.toSeconds(), TimeUnit.SECONDS).orElseThrow();
        assertThat(next.getTopic().toString()).isEqualTo("work/" + i);
        assertThat(got.receive(500, TimeUnit.MILLISECONDS)).as("nothing more in flight before the PUBACK").isEmpty();
        next.acknowledge();
      }
    }
    slow.disconnect();
  }

  @Test
  void mqtt5OverWebSocket_withProperties() throws Exception {
    gateway = Gateway.start(LoopbackConfig.with(dir.resolve("data"))
        .withWebSockets(Optional.of(new ListenAddress("127.0.0.1", 0)), Optional.empty()));
    Mqtt5BlockingClient browser = Mqtt5Client.builder().identifier("browser-5").serverHost("127.0.0.1")
        .serverPort(gateway.webSocketAddress().getPort())
        .webSocketConfig().serverPath("mqtt").subprotocol("mqtt").applyWebSocketConfig()
        .buildBlocking();
    browser.connect();
    try (Mqtt5BlockingClient.Mqtt5Publishes got = browser.publishes(MqttGlobalPublishFilter.ALL)) {
      browser.subscribeWith().topicFilter("app/#").qos(MqttQos.AT_LEAST_ONCE).send();
      Mosquitto.publish(gateway.mqttAddress(), "app/ws", "hi", 1, "-V", "5", "-D", "publish", "user-property", "via", "tcp");

      Mqtt5Publish message = got.receive(WAIT.toSeconds(), TimeUnit.SECONDS).orElseThrow();
      assertThat(message.getTopic().toString()).isEqualTo("app/ws");
      assertThat(message.getUserProperties().asList()).singleElement()
          .satisfies(property -> assertThat(property.getValue().toString()).isEqualTo("tcp"));
    }
    browser.disconnect();
  }

  @Test
  void connAck_assignsAClientId_andStatesTheLimits() throws Exception {
    gateway = Gateway.start(LoopbackConfig.with(dir.resolve("data")));
    Mqtt5BlockingClient client = client("").toBlocking();

    Mqtt5ConnAck connAck = client.connect();

    assertThat(connAck.getAssignedClientIdentifier()).hasValueSatisfying(id -> assertThat(id.toString()).startsWith("auto-"));
    assertThat(connAck.getRestrictions().getMaximumPacketSize())
        .isEqualTo(GatewayConfig.defaults().broker().maxMessageBytes());
    assertThat(connAck.getRestrictions().isSharedSubscriptionAvailable()).isTrue();
    assertThat(connAck.getRestrictions().getTopicAliasMaximum()).isEqualTo(32);
    assertThat(connAck.getRestrictions().getReceiveMaximum()).isEqualTo(64);
    client.disconnect();
  }

  @Test
  void sharedSubscription_givesEachMessageToOneMember_mqtt5AndMqtt311Alike() throws Exception {
    gateway = Gateway.start(LoopbackConfig.with(dir.resolve("data")));
    Mqtt5BlockingClient first = client("worker-1").toBlocking();
    Mqtt5BlockingClient second = client("worker-2").toBlocking();
    first.connect();
    second.connect();
    try (Mqtt5BlockingClient.Mqtt5Publishes firstGot = first.publishes(MqttGlobalPublishFilter.ALL);
        Mqtt5BlockingClient.Mqtt5Publishes secondGot = second.publishes(MqttGlobalPublishFilter.ALL);
        Mosquitto.Sub third = Mosquitto.subscribe(gateway.mqttAddress(), "$share/workers/jobs/#", 1, "-V", "mqttv311");
        Mosquitto.Sub everything = Mosquitto.subscribe(gateway.mqttAddress(), "jobs/#", 1)) {
      for (Mqtt5BlockingClient worker : List.of(first, second)) {
        assertThat(worker.subscribeWith().topicFilter("$share/workers/jobs/#").qos(MqttQos.AT_LEAST_ONCE).send()
            .getReasonCodes()).containsExactly(Mqtt5SubAckReasonCode.GRANTED_QOS_1);
      }
      Mqtt5BlockingClient publisher = client("boss").toBlocking();
      publisher.connect();
      for (int i = 0; i < 30; i++) {
        publisher.publishWith().topic("jobs/" + i).qos(MqttQos.AT_LEAST_ONCE)
            .payload(("j" + i).getBytes(StandardCharsets.UTF_8)).send();
      }
      publisher.disconnect();

      List<String> shared = new ArrayList<>();
      int[] perMember = new int[3];
      for (int member = 0; member < 2; member++) {
        Mqtt5BlockingClient.Mqtt5Publishes got = member == 0 ? firstGot : secondGot;
        for (Optional<Mqtt5Publish> next; (next = got.receive(1, TimeUnit.SECONDS)).isPresent(); ) {
          shared.add(new String(next.get().getPayloadAsBytes(), StandardCharsets.UTF_8));
          perMember[member]++;
        }
      }
      await().atMost(WAIT).untilAsserted(() -> assertThat(everything.messages()).hasSize(30));
      third.messages().forEach(line -> shared.add(line.substring(line.indexOf(' ') + 1)));
      perMember[2] = third.messages().size();
      assertThat(perMember[0] + perMember[1] + perMember[2]).as("each job once, to one worker").isEqualTo(30);
      assertThat(perMember).as("round robin over three workers").containsExactly(10, 10, 10);
      assertThat(shared).doesNotHaveDuplicates();
    }
    first.disconnect();
    second.disconnect();
  }

  @Test
  void deniedPublishAndSubscribe_getReasonCodes() throws Exception {
    Path acl = Files.writeString(dir.resolve("acl"), "topic readwrite sensors/#\n");
    GatewayConfig loopback = LoopbackConfig.with(dir.resolve("data"));
    gateway = Gateway.start(new GatewayConfig(loopback.transports(), loopback.mqtt(), loopback.dataDir(),
        loopback.store(), loopback.mqttSn(), loopback.broker(), Optional.empty(), List.of(),
        new AccessConfig(Optional.empty(), Optional.empty(), Optional.of(acl)), Optional.empty()));
    Mqtt5BlockingClient client = client("denied-5").toBlocking();
    client.connect();

    Mqtt5PubAckException publish = catchThrowableOfType(Mqtt5PubAckException.class, () -> client.publishWith()
        .topic("secret/x").qos(MqttQos.AT_LEAST_ONCE).payload(new byte[] {1}).send());
    assertThat(publish.getMqttMessage().getReasonCode()).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
    Mqtt5SubAckException subscribe = catchThrowableOfType(Mqtt5SubAckException.class, () -> client.subscribeWith()
        .topicFilter("secret/#").qos(MqttQos.AT_LEAST_ONCE).send());
    assertThat(subscribe.getMqttMessage().getReasonCodes()).containsExactly(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
    assertThat(client.subscribeWith().topicFilter("sensors/#").qos(MqttQos.EXACTLY_ONCE).send().getReasonCodes())
        .containsExactly(Mqtt5SubAckReasonCode.GRANTED_QOS_2);
    client.disconnect();
  }

  @Test
  void takeOver_tellsTheFirstConnectionWhyItIsClosed() throws Exception {
    gateway = Gateway.start(LoopbackConfig.with(dir.resolve("data")));
    CompletableFuture<Throwable> firstClosed = new CompletableFuture<>();
    Mqtt5Client first = Mqtt5Client.builder().identifier("twin").serverHost("127.0.0.1")
        .serverPort(gateway.mqttAddress().getPort())
        .addDisconnectedListener(context -> firstClosed.complete(context.getCause())).build();
    first.toBlocking().connect();

    client("twin").toBlocking().connect();

    Throwable cause = firstClosed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(cause).isInstanceOf(Mqtt5DisconnectException.class);
    assertThat(((Mqtt5DisconnectException) cause).getMqttMessage().getReasonCode())
        .isEqualTo(Mqtt5DisconnectReasonCode.SESSION_TAKEN_OVER);
  }

  @Test
  void shutdown_tellsMqtt5ClientsTheServerIsShuttingDown() throws Exception {
    gateway = Gateway.start(LoopbackConfig.with(dir.resolve("data")));
    CompletableFuture<Throwable> closed = new CompletableFuture<>();
    Mqtt5Client client = Mqtt5Client.builder().identifier("stayer").serverHost("127.0.0.1")
        .serverPort(gateway.mqttAddress().getPort())
        .addDisconnectedListener(context -> closed.complete(context.getCause())).build();
    client.toBlocking().connect();

    gateway.close();
    gateway = null;

    Throwable cause = closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(cause).isInstanceOf(Mqtt5DisconnectException.class);
    assertThat(((Mqtt5DisconnectException) cause).getMqttMessage().getReasonCode())
        .isEqualTo(Mqtt5DisconnectReasonCode.SERVER_SHUTTING_DOWN);
  }

  @Test
  void sessionExpiry_keepsTheSession_andWhatCameWhileOffline() throws Exception {
    gateway = Gateway.start(LoopbackConfig.with(dir.resolve("data")));
    Mqtt5BlockingClient subscriber = client("keeper").toBlocking();
    subscriber.connectWith().cleanStart(false).sessionExpiryInterval(3600).send();
    subscriber.subscribeWith().topicFilter("sensors/keeper/#").qos(MqttQos.AT_LEAST_ONCE).send();
    subscriber.disconnect();
    Mqtt3BlockingClient publisher = Mqtt3Client.builder().identifier("pub-3").serverHost("127.0.0.1")
        .serverPort(gateway.mqttAddress().getPort()).buildBlocking();
    publisher.connect();
    publisher.publishWith().topic("sensors/keeper/t").qos(MqttQos.AT_LEAST_ONCE).payload(new byte[] {7}).send();
    publisher.disconnect();

    try (Mqtt5BlockingClient.Mqtt5Publishes publishes = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
      assertThat(subscriber.connectWith().cleanStart(false).sessionExpiryInterval(3600).send().isSessionPresent()).isTrue();
      Optional<Mqtt5Publish> queued = publishes.receive(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(queued).hasValueSatisfying(message -> assertThat(message.getPayloadAsBytes()).containsExactly(7));
    }
    subscriber.disconnect();

    // Clean start with an expiry: a new session, though the old one was there
    assertThat(subscriber.connectWith().cleanStart(true).sessionExpiryInterval(3600).send().isSessionPresent()).isFalse();
    subscriber.disconnect();
  }

  @Test
  void sessionExpiry_keepsTheSessionAcrossAGatewayRestart_withItsQueuedMessagesProperties() throws Exception {
    GatewayConfig config = LoopbackConfig.with(dir.resolve("data"));
    gateway = Gateway.start(config);
    Mqtt5BlockingClient subscriber = client("survivor").toBlocking();
    subscriber.connectWith().cleanStart(false).sessionExpiryInterval(3600).send();
    subscriber.subscribeWith().topicFilter("app/#").qos(MqttQos.AT_LEAST_ONCE).send();
    subscriber.disconnect();
    Mqtt5BlockingClient publisher = client("before-restart").toBlocking();
    publisher.connect();
    publisher.publishWith().topic("app/queued").qos(MqttQos.AT_LEAST_ONCE).contentType("text/plain")
        .userProperties().add("site", "north").applyUserProperties()
        .payload("kept".getBytes(StandardCharsets.UTF_8)).send();
    publisher.disconnect();

    gateway.close();
    gateway = Gateway.start(config);
    Mqtt5BlockingClient again = client("survivor").toBlocking();
    try (Mqtt5BlockingClient.Mqtt5Publishes publishes = again.publishes(MqttGlobalPublishFilter.ALL)) {
      assertThat(again.connectWith().cleanStart(false).sessionExpiryInterval(3600).send().isSessionPresent()).isTrue();
      Mqtt5Publish queued = publishes.receive(WAIT.toSeconds(), TimeUnit.SECONDS).orElseThrow();
      assertThat(new String(queued.getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("kept");
      assertThat(queued.getContentType()).hasValueSatisfying(type -> assertThat(type.toString()).isEqualTo("text/plain"));
      assertThat(queued.getUserProperties().asList()).singleElement().satisfies(property -> {
        assertThat(property.getName().toString()).isEqualTo("site");
        assertThat(property.getValue().toString()).isEqualTo("north");
      });
    }
    again.disconnect();
  }

  @Test
  void retainHandling_2_sendsNoRetainedMessageAtSubscribe() throws Exception {
    gateway = Gateway.start(LoopbackConfig.with(dir.resolve("data")));
    Mosquitto.publish(gateway.mqttAddress(), "sensors/r/t", "kept", 1, "-r");
    Mqtt5BlockingClient client = client("retainer").toBlocking();
    client.connect();
    try (Mqtt5BlockingClient.Mqtt5Publishes publishes = client.publishes(MqttGlobalPublishFilter.ALL)) {
      client.subscribeWith().topicFilter("sensors/r/#").retainHandling(Mqtt5RetainHandling.DO_NOT_SEND).send();
      assertThat(publishes.receive(1, TimeUnit.SECONDS)).isEmpty();
      client.subscribeWith().topicFilter("sensors/+/t").retainHandling(Mqtt5RetainHandling.SEND).send();
      assertThat(publishes.receive(WAIT.toSeconds(), TimeUnit.SECONDS)).hasValueSatisfying(message ->
          assertThat(new String(message.getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("kept"));
    }
    client.disconnect();
  }

  @Test
  void disconnectWithWillMessage_publishesTheWill() throws Exception {
    gateway = Gateway.start(LoopbackConfig.with(dir.resolve("data")));
    try (Mosquitto.Sub wills = Mosquitto.subscribe(gateway.mqttAddress(), "wills/#", 1, "-V", "5")) {
      Mqtt5BlockingClient client = client("leaving").toBlocking();
      client.connectWith().willPublish().topic("wills/leaving").payload("gone".getBytes(StandardCharsets.UTF_8))
          .applyWillPublish().send();
      client.disconnectWith().reasonCode(Mqtt5DisconnectReasonCode.DISCONNECT_WITH_WILL_MESSAGE).send();

      await().atMost(WAIT).untilAsserted(() -> assertThat(wills.messages()).containsExactly("wills/leaving gone"));
    }
  }

  private Mqtt5Client client(String id) {
    return Mqtt5Client.builder().identifier(id).serverHost("127.0.0.1").serverPort(gateway.mqttAddress().getPort())
        .build();
  }
}
