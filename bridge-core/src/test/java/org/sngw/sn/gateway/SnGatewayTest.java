package org.sngw.sn.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sngw.broker.BrokerConfig;
import org.sngw.broker.BrokerCore;
import org.sngw.broker.ClientHandle;
import org.sngw.broker.ConnectRequest;
import org.sngw.broker.Subscription;
import org.sngw.events.GatewayEvents;
import org.sngw.message.Message;
import org.sngw.message.Qos;
import org.sngw.sn.codec.ReturnCode;
import org.sngw.sn.codec.SnEncoder;
import org.sngw.sn.codec.SnMalformed;
import org.sngw.sn.codec.SnPacket;
import org.sngw.sn.codec.SnPacket.ConnAck;
import org.sngw.sn.codec.SnPacket.Connect;
import org.sngw.sn.codec.SnPacket.Disconnect;
import org.sngw.sn.codec.SnPacket.PubAck;
import org.sngw.sn.codec.SnPacket.PubComp;
import org.sngw.sn.codec.SnPacket.PubRec;
import org.sngw.sn.codec.SnPacket.PubRel;
import org.sngw.sn.codec.SnPacket.Publish;
import org.sngw.sn.codec.SnPacket.RegAck;
import org.sngw.sn.codec.SnPacket.Register;
import org.sngw.sn.codec.SnPacket.SubAck;
import org.sngw.sn.codec.SnPacket.Subscribe;
import org.sngw.sn.codec.SnQos;
import org.sngw.sn.codec.SnTopic;
import org.sngw.store.InMemoryStore;
import org.sngw.store.MapStateStore;
import org.sngw.time.VirtualTime;
import org.sngw.transport.ForwardedPeer;
import org.sngw.transport.UdpPeer;
import org.sngw.transport.WirelessNodeId;

/** The gateway's MQTT-SN logic against the real broker core, a fake transport and virtual time. */
class SnGatewayTest {
  private static final Duration RETRY = Duration.ofSeconds(10);

  private final VirtualTime time = new VirtualTime();
  private final FakeTransport transport = new FakeTransport();
  private final BrokerCore broker = new BrokerCore(BrokerConfig.defaults());
  private final MqttSnConfig config = MqttSnConfig.defaults()
      .withPredefinedTopics(Map.of(7, "sensors/predefined"))
      .withQosMinusOne(true);
  private final SnGateway gateway = new SnGateway(broker, config, time, time, new InMemoryStore(), Map.of());
  private final VirtualSensor sensor = sensorAt(40000);

  @BeforeEach
  void start() {
    transport.start(gateway.listenerFor(transport, direct()));
  }

  /** Runs handed-over work at once, on the test thread. */
  private static Executor direct() {
    return Runnable::run;
  }

  @Test
  void connect_withoutWill_isAccepted() {
    sensor.send(connect("s1", false, 60));

    assertThat(sensor.receivedOne()).isEqualTo(new ConnAck(ReturnCode.ACCEPTED));
    assertThat(gateway.sessionCount()).isEqualTo(1);
  }

  @Test
  void connect_emptyClientId_isRefused() {
    sensor.send(connect("", false, 60));

    assertThat(sensor.receivedOne()).isEqualTo(new ConnAck(ReturnCode.REJECTED_NOT_SUPPORTED));
  }

  @Test
  void connect_clientIdOfTheGateway_isRefusedAndLeavesNoSession() {
    sensor.send(connect("$bridge/upstream-1", false, 60));

    assertThat(sensor.receivedOne()).isEqualTo(new ConnAck(ReturnCode.REJECTED_NOT_SUPPORTED));
    assertThat(gateway.sessionCount()).isZero();
  }

  @Test
  void connect_clientIdOfATcpClientsSession_isRefused() {
    broker.connect(new ConnectRequest("s1", false, Optional.empty(), Duration.ZERO, 8), new RecordingSink());

    sensor.send(connect("s1", false, 60));

    assertThat(sensor.receivedOne()).isEqualTo(new ConnAck(ReturnCode.REJECTED_NOT_SUPPORTED));
    assertThat(gateway.sessionCount()).isZero();
  }

  @Test
  void connect_unlistedSensor_isRefusedOrIgnored_andLeavesNoSession() {
    SensorAllowlist kitchen = new SensorAllowlist(List.of(new SensorAllowlist.Entry("kitchen-*", Optional.empty())), false);
    SnGateway listed = new SnGateway(broker, MqttSnConfig.defaults().withAllowlist(kitchen), time, time,
        new InMemoryStore(), Map.of());
    FakeTransport otherTransport = new FakeTransport();
    otherTransport.start(listed.listenerFor(otherTransport, direct()));
    VirtualSensor member = new VirtualSensor(otherTransport, udp(40001));
    VirtualSensor stranger = new VirtualSensor(otherTransport, udp(40002));

    member.send(connect("kitchen-1", false, 60));
    stranger.send(connect("garage-1", false, 60));

    assertThat(member.receivedOne()).isEqualTo(new ConnAck(ReturnCode.ACCEPTED));
    assertThat(stranger.receivedOne()).isEqualTo(new ConnAck(ReturnCode.REJECTED_NOT_SUPPORTED));
    assertThat(listed.sessionCount()).isEqualTo(1);
    assertThat(listed.stats().unlistedRefused()).isEqualTo(1);

    SnGateway silent = new SnGateway(broker,
        MqttSnConfig.defaults().withAllowlist(new SensorAllowlist(kitchen.entries(), true)), time, time,
        new InMemoryStore(), Map.of());
    FakeTransport third = new FakeTransport();
    third.start(silent.listenerFor(third, direct()));
    VirtualSensor ignored = new VirtualSensor(third, udp(40003));
    ignored.send(connect("garage-1", false, 60));
    assertThat(ignored.received()).as("no answer at all").isEmpty();
    assertThat(silent.sessionCount()).isZero();
  }

  @Test
  void connect_refusedFromThousandsOfAddresses_leavesNoSession() {
    for (int port = 20000; port < 23000; port++) {
      VirtualSensor stranger = sensorAt(port);
      stranger.send(connect("", false, 60));
      assertThat(stranger.receivedOne()).isEqualTo(new ConnAck(ReturnCode.REJECTED_NOT_SUPPORTED));
    }

    assertThat(gateway.sessionCount()).isZero();
  }

  @Test
  void connect_invalidWillTopic_isRefusedAndLeavesNoSession() {
    sensor.send(new Connect(true, true, 60, "s1"));
    sensor.received();
    sensor.send(new SnPacket.WillTopic(SnQos.AT_LEAST_ONCE, false, "sensors/+/status"));

    assertThat(sensor.receivedOne()).isEqualTo(new ConnAck(ReturnCode.REJECTED_NOT_SUPPORTED));
    assertThat(gateway.sessionCount()).isZero();
  }

  @Test
  void connect_refusedOnAnAcceptedConnection_leavesThatConnectionAsItWas() {
    connected(sensor, "s1");

    sensor.send(connect("", false, 60));

    assertThat(sensor.receivedOne()).isEqualTo(new ConnAck(ReturnCode.REJECTED_NOT_SUPPORTED));
    assertThat(gateway.sessionCount()).isEqualTo(1);
    sensor.send(new SnPacket.PingReq(Optional.empty()));
    assertThat(sensor.receivedOne()).isEqualTo(new SnPacket.PingResp());
  }

  @Test
  void connect_pastTheSessionLimits_isRefusedWithCongestionUntilASessionEnds() {
    SnGateway limited = new SnGateway(broker, config.withSessionLimits(3, 2), time, time, new InMemoryStore(), Map.of());
    FakeTransport udp = new FakeTransport();
    FakeTransport serial = new FakeTransport();
    udp.start(limited.listenerFor(udp, direct()));
    serial.start(limited.listenerFor(serial, direct()));
    VirtualSensor first = new VirtualSensor(udp, udp(40001));
    connected(first, "u1");
    connected(new VirtualSensor(udp, udp(40002)), "u2");
    VirtualSensor thirdOnUdp = new VirtualSensor(udp, udp(40003));
    connected(new VirtualSensor(serial, udp(40004)), "s1");
    VirtualSensor fourth = new VirtualSensor(serial, udp(40005));

    thirdOnUdp.send(connect("u3", false, 60));
    fourth.send(connect("s2", false, 60));

    assertThat(thirdOnUdp.receivedOne()).as("past the transport's limit").isEqualTo(new ConnAck(ReturnCode.REJECTED_CONGESTION));
    assertThat(fourth.receivedOne()).as("past the total").isEqualTo(new ConnAck(ReturnCode.REJECTED_CONGESTION));
    assertThat(limited.sessionCount()).isEqualTo(3);
    assertThat(limited.stats().sessionsRefused()).isEqualTo(2);

    first.send(new Disconnect(OptionalInt.empty()));
    first.received();
    thirdOnUdp.send(connect("u3", false, 60));
    assertThat(thirdOnUdp.receivedOne()).isEqualTo(new ConnAck(ReturnCode.ACCEPTED));
  }

  @Test
  void connect_withWill_asksForTopicAndMessageBeforeConnack() {
    sensor.send(new Connect(true, true, 60, "s1"));
    assertThat(sensor.receivedOne()).isEqualTo(new SnPacket.WillTopicReq());

    sensor.send(new SnPacket.WillTopic(SnQos.AT_LEAST_ONCE, true, "sensors/s1/status"));
    assertThat(sensor.receivedOne()).isEqualTo(new SnPacket.WillMsgReq());

    sensor.send(new SnPacket.WillMsg(bytes("offline")));
    assertThat(sensor.receivedOne()).isEqualTo(new ConnAck(ReturnCode.ACCEPTED));
  }

  @Test
  void willHandshake_unanswered_isResentThenAbandoned() {
    sensor.send(new Connect(true, true, 60, "s1"));
    sensor.received();

    time.advance(RETRY.multipliedBy(config.retryCount()));
    assertThat(sensor.received()).hasSize(config.retryCount()).allMatch(p -> p instanceof SnPacket.WillTopicReq);

    time.advance(RETRY);
    assertThat(sensor.received()).isEmpty();
    assertThat(gateway.sessionCount()).isZero();
  }

  @Test
  void register_thenPublishQos1_reachesSubscriberAndIsAcknowledged() {
    RecordingSink subscriber = subscribe("app", "sensors/#", Qos.AT_LEAST_ONCE);
    connected(sensor, "s1");

    int topicId = register(sensor, "sensors/s1/temp", 1);
    sensor.send(new Publish(false, SnQos.AT_LEAST_ONCE, false, new SnTopic.Registered(topicId), 2, bytes("21.5")));

    assertThat(sensor.receivedOne()).isEqualTo(new PubAck(topicId, 2, ReturnCode.ACCEPTED));
    assertThat(subscriber.deliveries).singleElement().satisfies(d -> {
      assertThat(d.message().topic()).isEqualTo("sensors/s1/temp");
      assertThat(d.message().payload()).isEqualTo(bytes("21.5"));
      assertThat(d.message().qos()).isEqualTo(Qos.AT_LEAST_ONCE);
    });
  }

  @Test
  void publish_unknownTopicId_isRefusedWithInvalidTopicId() {
    connected(sensor, "s1");

    sensor.send(new Publish(false, SnQos.AT_LEAST_ONCE, false, new SnTopic.Registered(99), 3, bytes("x")));

    assertThat(sensor.receivedOne()).isEqualTo(new PubAck(99, 3, ReturnCode.REJECTED_INVALID_TOPIC_ID));
  }

  @Test
  void publishQos2_resentBeforePubrel_isDeliveredOnce() {
    RecordingSink subscriber = subscribe("app", "sensors/#", Qos.EXACTLY_ONCE);
    connected(sensor, "s1");
    int topicId = register(sensor, "sensors/s1/door", 1);
    Publish publish = new Publish(false, SnQos.EXACTLY_ONCE, false, new SnTopic.Registered(topicId), 5, bytes("open"));

    sensor.send(publish);
    assertThat(sensor.receivedOne()).isEqualTo(new PubRec(5));
    sensor.send(new Publish(true, SnQos.EXACTLY_ONCE, false, new SnTopic.Registered(topicId), 5, bytes("open")));
    assertThat(sensor.receivedOne()).isEqualTo(new PubRec(5));
    sensor.send(new PubRel(5));

    assertThat(sensor.receivedOne()).isEqualTo(new PubComp(5));
    assertThat(subscriber.deliveries).hasSize(1);
  }

  @Test
  void qosMinusOne_predefinedTopic_isPublishedWithoutConnection() {
    RecordingSink subscriber = subscribe("app", "sensors/predefined", Qos.AT_MOST_ONCE);

    sensor.send(new Publish(false, SnQos.FIRE_AND_FORGET, false, new SnTopic.Predefined(7), 0, bytes("1")));

    assertThat(subscriber.deliveries).singleElement()
        .satisfies(d -> assertThat(d.message().topic()).isEqualTo("sensors/predefined"));
    assertThat(sensor.received()).isEmpty();
  }

  @Test
  void qosMinusOne_byDefault_isDroppedAndCounted() {
    RecordingSink subscriber = subscribe("app", "#", Qos.AT_MOST_ONCE);
    MqttSnConfig defaults = MqttSnConfig.defaults().withPredefinedTopics(Map.of(7, "actuators/valve/set"));
    SnGateway closed = new SnGateway(broker, defaults, time, time, new InMemoryStore(), Map.of());
    FakeTransport otherTransport = new FakeTransport();
    otherTransport.start(closed.listenerFor(otherTransport, direct()));
    VirtualSensor stranger = new VirtualSensor(otherTransport, udp(40001));

    stranger.send(new Publish(false, SnQos.FIRE_AND_FORGET, true, new SnTopic.Predefined(7), 0, bytes("OPEN")));
    stranger.send(new Publish(false, SnQos.FIRE_AND_FORGET, true, new SnTopic.Short("ab"), 0, bytes("OPEN")));

    assertThat(subscriber.deliveries).isEmpty();
    assertThat(stranger.received()).isEmpty();
    assertThat(closed.stats().qosMinusOneRefused()).isEqualTo(2);
    assertThat(closed.sessionCount()).isZero();
  }

  @Test
  void qosMinusOne_shortTopic_isPublishedWithoutConnection() {
    RecordingSink subscriber = subscribe("app", "ab", Qos.AT_MOST_ONCE);

    sensor.send(new Publish(false, SnQos.FIRE_AND_FORGET, false, new SnTopic.Short("ab"), 0, bytes("1")));

    assertThat(subscriber.deliveries).hasSize(1);
  }

  @Test
  void subscribeByName_answersWithTopicIdAndDeliversUnderIt() {
    connected(sensor, "s1");
    sensor.send(new Subscribe(false, SnQos.AT_LEAST_ONCE, 4, new SnTopic.Named("cmd/s1")));
    SubAck ack = (SubAck) sensor.receivedOne();
    assertThat(ack.returnCode()).isEqualTo(ReturnCode.ACCEPTED);
    assertThat(ack.topicId()).isPositive();

    publishFromApp("cmd/s1", "on", Qos.AT_LEAST_ONCE);

    Publish delivered = (Publish) sensor.receivedOne();
    assertThat(delivered.topic()).isEqualTo(new SnTopic.Registered(ack.topicId()));
    assertThat(delivered.qos()).isEqualTo(SnQos.AT_LEAST_ONCE);
    assertThat(delivered.data()).isEqualTo(bytes("on"));
  }

  @Test
  void subscribeWildcard_newTopic_isRegisteredBeforeThePublish() {
    connected(sensor, "s1");
    sensor.send(new Subscribe(false, SnQos.AT_MOST_ONCE, 4, new SnTopic.Named("cmd/#")));
    assertThat(((SubAck) sensor.receivedOne()).topicId()).isZero();

    publishFromApp("cmd/s1/led", "blink", Qos.AT_MOST_ONCE);

    Register register = (Register) sensor.receivedOne();
    assertThat(register.topicName()).isEqualTo("cmd/s1/led");
    sensor.send(new RegAck(register.topicId(), register.msgId(), ReturnCode.ACCEPTED));
    Publish delivered = (Publish) sensor.receivedOne();
    assertThat(delivered.topic()).isEqualTo(new SnTopic.Registered(register.topicId()));
    assertThat(delivered.data()).isEqualTo(bytes("blink"));
  }

  @Test
  void subscribePredefinedAndShort_deliverUnderTheirIds() {
    connected(sensor, "s1");
    sensor.send(new Subscribe(false, SnQos.AT_MOST_ONCE, 1, new SnTopic.Predefined(7)));
    assertThat(sensor.receivedOne()).isEqualTo(new SubAck(SnQos.AT_MOST_ONCE, 7, 1, ReturnCode.ACCEPTED));
    sensor.send(new Subscribe(false, SnQos.AT_MOST_ONCE, 2, new SnTopic.Short("zz")));
    sensor.received();

    publishFromApp("sensors/predefined", "a", Qos.AT_MOST_ONCE);
    publishFromApp("zz", "b", Qos.AT_MOST_ONCE);

    assertThat(sensor.received()).extracting(p -> ((Publish) p).topic())
        .containsExactly(new SnTopic.Predefined(7), new SnTopic.Short("zz"));
  }

  @Test
  void subscribeUnknownPredefinedId_isRefused() {
    connected(sensor, "s1");

    sensor.send(new Subscribe(false, SnQos.AT_MOST_ONCE, 1, new SnTopic.Predefined(999)));

    assertThat(((SubAck) sensor.receivedOne()).returnCode()).isEqualTo(ReturnCode.REJECTED_INVALID_TOPIC_ID);
  }

  @Test
  void subscribe_retainedMessage_arrivesAfterSuback() {
    publishFromApp("cfg/s1", "interval=60", Qos.AT_LEAST_ONCE, true);
    connected(sensor, "s1");

    sensor.send(new Subscribe(false, SnQos.AT_LEAST_ONCE, 9, new SnTopic.Named("cfg/s1")));

    List<SnPacket> got = sensor.received();
    assertThat(got).hasSize(2);
    assertThat(got.get(0)).isInstanceOf(SubAck.class);
    Publish retained = (Publish) got.get(1);
    assertThat(retained.retain()).isTrue();
    assertThat(retained.data()).isEqualTo(bytes("interval=60"));
  }

  @Test
  void deliveryQos1_unacknowledged_isResentWithDupThenTheSensorIsLost() {
    connected(sensor, "s1", Optional.of(new Message("wills/s1", bytes("gone"), Qos.AT_MOST_ONCE, false)));
    RecordingSink watcher = subscribe("app", "wills/#", Qos.AT_MOST_ONCE);
    subscribeSensor(sensor, "cmd/s1", SnQos.AT_LEAST_ONCE);

    publishFromApp("cmd/s1", "on", Qos.AT_LEAST_ONCE);
    Publish first = (Publish) sensor.receivedOne();
    assertThat(first.dup()).isFalse();

    time.advance(RETRY);
    assertThat(((Publish) sensor.receivedOne()).dup()).isTrue();
    time.advance(RETRY.multipliedBy(config.retryCount()));

    assertThat(gateway.sessionCount()).isZero();
    assertThat(watcher.deliveries).singleElement().satisfies(d -> assertThat(d.message().topic()).isEqualTo("wills/s1"));
  }

  @Test
  void deliveryQos1_acknowledged_sendsTheNextQueuedOne() {
    connected(sensor, "s1");
    subscribeSensor(sensor, "cmd/s1", SnQos.AT_LEAST_ONCE);

    publishFromApp("cmd/s1", "1", Qos.AT_LEAST_ONCE);
    publishFromApp("cmd/s1", "2", Qos.AT_LEAST_ONCE);
    Publish first = (Publish) sensor.receivedOne();
    sensor.send(new PubAck(((SnTopic.Registered) first.topic()).id(), first.msgId(), ReturnCode.ACCEPTED));

    Publish second = (Publish) sensor.receivedOne();
    assertThat(second.data()).isEqualTo(bytes("2"));
  }

  @Test
  void deliveryQos2_runsTheFourWayHandshake() {
    connected(sensor, "s1");
    subscribeSensor(sensor, "cmd/s1", SnQos.EXACTLY_ONCE);
    publishFromApp("cmd/s1", "x", Qos.EXACTLY_ONCE);
    Publish publish = (Publish) sensor.receivedOne();

    sensor.send(new PubRec(publish.msgId()));
    assertThat(sensor.receivedOne()).isEqualTo(new PubRel(publish.msgId()));
    sensor.send(new PubComp(publish.msgId()));

    time.advance(RETRY.multipliedBy(5));
    assertThat(sensor.received()).isEmpty();
    assertThat(gateway.sessionCount()).isEqualTo(1);
  }

  @Test
  void pubackInvalidTopicId_registersTheTopicAgain() {
    connected(sensor, "s1");
    subscribeSensor(sensor, "cmd/s1", SnQos.AT_LEAST_ONCE);
    publishFromApp("cmd/s1", "x", Qos.AT_LEAST_ONCE);
    Publish publish = (Publish) sensor.receivedOne();

    sensor.send(new PubAck(((SnTopic.Registered) publish.topic()).id(), publish.msgId(),
        ReturnCode.REJECTED_INVALID_TOPIC_ID));

    Register register = (Register) sensor.receivedOne();
    assertThat(register.topicName()).isEqualTo("cmd/s1");
    sensor.send(new RegAck(register.topicId(), register.msgId(), ReturnCode.ACCEPTED));
    assertThat(((Publish) sensor.receivedOne()).data()).isEqualTo(bytes("x"));
  }

  @Test
  void keepAlive_silenceBeyondOneAndAHalfPeriods_publishesTheWill() {
    connected(sensor, "s1", Optional.of(new Message("wills/s1", bytes("gone"), Qos.AT_MOST_ONCE, false)), 10);
    RecordingSink watcher = subscribe("app", "wills/#", Qos.AT_MOST_ONCE);

    time.advance(Duration.ofSeconds(14));
    sensor.send(new SnPacket.PingReq(Optional.empty()));
    assertThat(sensor.receivedOne()).isEqualTo(new SnPacket.PingResp());
    time.advance(Duration.ofSeconds(14));
    assertThat(watcher.deliveries).isEmpty();

    time.advance(Duration.ofSeconds(1));
    assertThat(watcher.deliveries).hasSize(1);
    assertThat(gateway.sessionCount()).isZero();
  }

  @Test
  void disconnect_isAnsweredAndPublishesNoWill() {
    connected(sensor, "s1", Optional.of(new Message("wills/s1", bytes("gone"), Qos.AT_MOST_ONCE, false)));
    RecordingSink watcher = subscribe("app", "wills/#", Qos.AT_MOST_ONCE);

    sensor.send(Disconnect.plain());

    assertThat(sensor.receivedOne()).isEqualTo(Disconnect.plain());
    time.advance(Duration.ofMinutes(10));
    assertThat(watcher.deliveries).isEmpty();
    assertThat(gateway.sessionCount()).isZero();
  }

  @Test
  void sameClientIdFromAnotherAddress_takesTheSessionOver() {
    connected(sensor, "s1");
    VirtualSensor moved = sensorAt(40001);

    connected(moved, "s1");

    assertThat(sensor.receivedOne()).isEqualTo(Disconnect.plain());
    assertThat(gateway.sessionCount()).isEqualTo(1);
  }

  @Test
  void packetFromUnconnectedSensor_isAnsweredWithDisconnect() {
    sensor.send(new SnPacket.PingReq(Optional.empty()));

    assertThat(sensor.receivedOne()).isEqualTo(Disconnect.plain());
  }

  @Test
  void searchGw_isAnsweredToTheAskerOnly() {
    sensor.send(new SnPacket.SearchGw(1));

    assertThat(sensor.receivedOne()).isEqualTo(SnPacket.GwInfo.fromGateway(config.gatewayId()));
  }

  @Test
  void malformedFrame_isCountedAndTheSessionGoesOn() {
    connected(sensor, "s1");

    transport.listener.onFrame(udp(40000), ByteBuffer.wrap(new byte[] {5, 0x0C, 1}));
    sensor.send(new SnPacket.PingReq(Optional.empty()));

    assertThat(gateway.stats().malformedFrames()).isEqualTo(1);
    assertThat(gateway.stats().malformedFrames(SnMalformed.Reason.LENGTH_MISMATCH)).isEqualTo(1);
    assertThat(sensor.receivedOne()).isEqualTo(new SnPacket.PingResp());
  }

  @Test
  void encapsulatedSensor_getsItsRepliesEncapsulatedThroughTheForwarder() {
    WirelessNodeId node = WirelessNodeId.of(new byte[] {0x12, 0x34});
    transport.listener.onFrame(udp(40000),
        SnEncoder.encode(new SnPacket.Encapsulated(0, node, connect("node-1234", true, 60))));

    assertThat(sensor.receivedOne()).isEqualTo(new SnPacket.Encapsulated(0, node, new ConnAck(ReturnCode.ACCEPTED)));
    assertThat(transport.sent.get(0).to()).isEqualTo(udp(40000));
    assertThat(gateway.sessionCount()).isEqualTo(1);
    assertThat(new ForwardedPeer(udp(40000), node)).isNotEqualTo(udp(40000));
  }

  @Test
  void persistentSession_reconnect_keepsItsTopicIds() {
    sensor.send(connect("s1", false, 60));
    sensor.received();
    int topicId = register(sensor, "sensors/s1/temp", 1);
    sensor.send(Disconnect.plain());
    sensor.send(connect("s1", false, 60));
    sensor.received();

    sensor.send(new Publish(false, SnQos.AT_LEAST_ONCE, false, new SnTopic.Registered(topicId), 2, bytes("1")));

    assertThat(sensor.receivedOne()).isEqualTo(new PubAck(topicId, 2, ReturnCode.ACCEPTED));
  }

  @Test
  void cleanSession_reconnect_startsWithoutTopicIds() {
    sensor.send(connect("s1", false, 60));
    sensor.received();
    int topicId = register(sensor, "sensors/s1/temp", 1);
    sensor.send(Disconnect.plain());
    sensor.send(connect("s1", true, 60));
    sensor.received();

    sensor.send(new Publish(false, SnQos.AT_LEAST_ONCE, false, new SnTopic.Registered(topicId), 2, bytes("1")));

    assertThat(sensor.receivedOne()).isEqualTo(new PubAck(topicId, 2, ReturnCode.REJECTED_INVALID_TOPIC_ID));
  }

  @Test
  void storedTopicIds_areValidForTheirPersistentClient() {
    SnGateway restored = new SnGateway(broker, config, time, time, new InMemoryStore(),
        Map.of("s1", Map.of(41, "sensors/s1/temp")));
    FakeTransport otherTransport = new FakeTransport();
    otherTransport.start(restored.listenerFor(otherTransport, direct()));
    VirtualSensor s = new VirtualSensor(otherTransport, udp(40000));
    s.send(connect("s1", false, 60));
    s.received();

    s.send(new Publish(false, SnQos.AT_LEAST_ONCE, false, new SnTopic.Registered(41), 2, bytes("1")));
    s.send(new Register(0, 3, "sensors/s1/other"));

    assertThat(s.received()).containsExactly(
        new PubAck(41, 2, ReturnCode.ACCEPTED), new RegAck(42, 3, ReturnCode.ACCEPTED));
  }

  @Test
  void topicIdsOfPersistentSensors_areWrittenThroughAndForgottenForCleanOnes() {
    MapStateStore store = new MapStateStore();
    SnGateway storing = new SnGateway(broker, config, time, time, store, Map.of());
    FakeTransport otherTransport = new FakeTransport();
    otherTransport.start(storing.listenerFor(otherTransport, direct()));
    VirtualSensor s = new VirtualSensor(otherTransport, udp(40000));
    s.send(connect("s1", false, 60));
    s.received();
    int topicId = register(s, "sensors/s1/temp", 1);

    assertThat(store.load().topicIds()).containsEntry("s1", Map.of(topicId, "sensors/s1/temp"));

    s.send(Disconnect.plain());
    s.send(connect("s1", true, 60));
    assertThat(store.load().topicIds()).doesNotContainKey("s1");
  }

  @Test
  void sleepingSensor_getsBufferedMessagesWithTheirRegistersWhenItWakes_thenPingresp() {
    connected(sensor, "s1");
    subscribeSensor(sensor, "data/#", SnQos.AT_MOST_ONCE);
    SubAck command = subscribeSensorAck(sensor, "cmd/s1", SnQos.AT_LEAST_ONCE);
    sensor.send(new Disconnect(OptionalInt.of(60)));
    assertThat(sensor.receivedOne()).isEqualTo(Disconnect.plain());

    publishFromApp("data/s1", "a", Qos.AT_MOST_ONCE);
    publishFromApp("cmd/s1", "b", Qos.AT_LEAST_ONCE);
    time.advance(RETRY.multipliedBy(3));
    assertThat(sensor.received()).isEmpty();

    sensor.send(new SnPacket.PingReq(Optional.of("s1")));
    Register register = (Register) sensor.receivedOne();
    assertThat(register.topicName()).isEqualTo("data/s1");
    sensor.send(new RegAck(register.topicId(), register.msgId(), ReturnCode.ACCEPTED));
    List<SnPacket> burst = sensor.received();
    assertThat(burst).hasSize(2);
    assertThat(((Publish) burst.get(0)).data()).isEqualTo(bytes("a"));
    Publish b = (Publish) burst.get(1);
    assertThat(b.topic()).isEqualTo(new SnTopic.Registered(command.topicId()));
    sensor.send(new PubAck(command.topicId(), b.msgId(), ReturnCode.ACCEPTED));

    assertThat(sensor.receivedOne()).isEqualTo(new SnPacket.PingResp());
  }

  @Test
  void sleepingSensor_wakingWithNothingBuffered_getsPingrespAtOnce() {
    connected(sensor, "s1");
    sensor.send(new Disconnect(OptionalInt.of(60)));
    sensor.received();

    sensor.send(new SnPacket.PingReq(Optional.of("s1")));

    assertThat(sensor.receivedOne()).isEqualTo(new SnPacket.PingResp());
    assertThat(gateway.sessionCount()).isEqualTo(1);
  }

  @Test
  void census_countsSensorsByTransportAndState_andTheirRegistrations() {
    VirtualSensor sleeper = sensorAt(40001);
    VirtualSensor willing = sensorAt(40002);
    connected(sensor, "s1");
    register(sensor, "sensors/s1/temp", 1);
    register(sensor, "sensors/s1/rh", 2);
    connected(sleeper, "s2");
    register(sleeper, "sensors/s2/temp", 1);
    sleeper.send(new Disconnect(OptionalInt.of(100)));
    willing.send(new Connect(true, true, 60, "s3"));

    assertThat(gateway.census()).isEqualTo(new SnCensus(
        Map.of("fake", Map.of("active", 1, "asleep", 1, "connecting", 1)), 3));
    assertThat(gateway.census().inState("active")).isEqualTo(Map.of("fake", 1L));
    assertThat(gateway.census().inState("awake")).isEqualTo(Map.of("fake", 0L));
    assertThat(gateway.stats().bytesReceived()).isPositive();
    assertThat(gateway.stats().bytesSent()).isPositive();
  }

  @Test
  void events_sensorConnectsAndFallsSilent_isToldConnectedThenLost() {
    List<String> told = new ArrayList<>();
    SnGateway observed = new SnGateway(broker, config, time, time, new InMemoryStore(), Map.of(), new GatewayEvents() {
      @Override
      public void sensorConnected(String clientId) {
        told.add("connected " + clientId);
      }

      @Override
      public void sensorLost(String clientId) {
        told.add("lost " + clientId);
      }
    });
    FakeTransport radio = new FakeTransport();
    radio.start(observed.listenerFor(radio, direct()));
    VirtualSensor silent = new VirtualSensor(radio, udp(40001));
    VirtualSensor sleeper = new VirtualSensor(radio, udp(40002));
    VirtualSensor leaver = new VirtualSensor(radio, udp(40003));

    connected(silent, "silent", Optional.empty(), 10);
    connected(sleeper, "sleeper", Optional.empty(), 10);
    connected(leaver, "leaver", Optional.empty(), 10);
    sleeper.send(new Disconnect(OptionalInt.of(100)));
    leaver.send(new Disconnect(OptionalInt.empty()));
    time.advance(Duration.ofSeconds(16));

    assertThat(told).as("asleep within its duration, or gone with a DISCONNECT, is not lost")
        .containsExactly("connected silent", "connected sleeper", "connected leaver", "lost silent");
  }

  @Test
  void sleepingSensor_missingItsSleepDuration_isLostAndItsWillPublished() {
    connected(sensor, "s1", Optional.of(new Message("wills/s1", bytes("gone"), Qos.AT_MOST_ONCE, false)));
    RecordingSink watcher = subscribe("app", "wills/#", Qos.AT_MOST_ONCE);
    sensor.send(new Disconnect(OptionalInt.of(100)));

    time.advance(Duration.ofSeconds(140));
    sensor.send(new SnPacket.PingReq(Optional.of("s1")));
    time.advance(Duration.ofSeconds(149));
    assertThat(watcher.deliveries).isEmpty();

    time.advance(Duration.ofSeconds(2));
    assertThat(watcher.deliveries).singleElement()
        .satisfies(d -> assertThat(d.message().topic()).isEqualTo("wills/s1"));
    assertThat(gateway.sessionCount()).isZero();
  }

  @Test
  void sleepingSensor_fullBuffer_keepsTheNewestQos0Messages() {
    SnGateway small = new SnGateway(broker, new MqttSnConfig(1, Map.of(), RETRY, 3, 1000, 2), time, time,
        new InMemoryStore(), Map.of());
    FakeTransport otherTransport = new FakeTransport();
    otherTransport.start(small.listenerFor(otherTransport, direct()));
    VirtualSensor s = new VirtualSensor(otherTransport, udp(40000));
    connected(s, "s1");
    SubAck ack = subscribeSensorAck(s, "data/s1", SnQos.AT_MOST_ONCE);
    s.send(new Disconnect(OptionalInt.of(60)));
    s.received();
    for (String reading : List.of("1", "2", "3")) {
      publishFromApp("data/s1", reading, Qos.AT_MOST_ONCE);
    }

    s.send(new SnPacket.PingReq(Optional.of("s1")));

    assertThat(s.received()).containsExactly(
        new Publish(false, SnQos.AT_MOST_ONCE, false, new SnTopic.Registered(ack.topicId()), 0, bytes("2")),
        new Publish(false, SnQos.AT_MOST_ONCE, false, new SnTopic.Registered(ack.topicId()), 0, bytes("3")),
        new SnPacket.PingResp());
    assertThat(small.stats().pendingDrops()).isEqualTo(1);
  }

  @Test
  void sleepingSensor_connectingAgain_resumesItsPersistentSession() {
    sensor.send(connect("s1", false, 60));
    sensor.received();
    SubAck ack = subscribeSensorAck(sensor, "cmd/s1", SnQos.AT_LEAST_ONCE);
    sensor.send(new Disconnect(OptionalInt.of(60)));
    sensor.received();
    publishFromApp("cmd/s1", "go", Qos.AT_LEAST_ONCE);

    sensor.send(connect("s1", false, 60));

    List<SnPacket> got = sensor.received();
    assertThat(got.get(0)).isEqualTo(new ConnAck(ReturnCode.ACCEPTED));
    assertThat(got.get(1)).isInstanceOfSatisfying(Publish.class, p -> {
      assertThat(p.topic()).isEqualTo(new SnTopic.Registered(ack.topicId()));
      assertThat(p.data()).isEqualTo(bytes("go"));
    });
  }

  @Test
  void awakeSensor_notAnsweringABufferedPublish_isLostAfterTheRetries() {
    connected(sensor, "s1");
    subscribeSensor(sensor, "cmd/s1", SnQos.AT_LEAST_ONCE);
    sensor.send(new Disconnect(OptionalInt.of(600)));
    sensor.received();
    publishFromApp("cmd/s1", "go", Qos.AT_LEAST_ONCE);

    sensor.send(new SnPacket.PingReq(Optional.of("s1")));
    time.advance(RETRY.multipliedBy(config.retryCount() + 1));

    assertThat(sensor.received()).hasSize(1 + config.retryCount()).allMatch(p -> p instanceof Publish);
    assertThat(gateway.sessionCount()).isZero();
  }

  @Test
  void willTopicAndMessageUpdates_changeWhatIsPublishedWhenTheSensorIsLost() {
    connected(sensor, "s1", Optional.of(new Message("wills/old", bytes("old"), Qos.AT_MOST_ONCE, false)), 10);
    RecordingSink watcher = subscribe("app", "wills/#", Qos.AT_LEAST_ONCE);

    sensor.send(new SnPacket.WillTopicUpd(SnQos.AT_LEAST_ONCE, true, "wills/new"));
    assertThat(sensor.receivedOne()).isEqualTo(new SnPacket.WillTopicResp(ReturnCode.ACCEPTED));
    sensor.send(new SnPacket.WillMsgUpd(bytes("new")));
    assertThat(sensor.receivedOne()).isEqualTo(new SnPacket.WillMsgResp(ReturnCode.ACCEPTED));
    time.advance(Duration.ofSeconds(16));

    assertThat(watcher.deliveries).singleElement().satisfies(d -> {
      assertThat(d.message().topic()).isEqualTo("wills/new");
      assertThat(d.message().payload()).isEqualTo(bytes("new"));
      assertThat(d.message().qos()).isEqualTo(Qos.AT_LEAST_ONCE);
    });
  }

  @Test
  void emptyWillTopicUpdate_removesTheWill() {
    connected(sensor, "s1", Optional.of(new Message("wills/s1", bytes("gone"), Qos.AT_MOST_ONCE, false)), 10);
    RecordingSink watcher = subscribe("app", "wills/#", Qos.AT_MOST_ONCE);

    sensor.send(SnPacket.WillTopicUpd.empty());
    assertThat(sensor.receivedOne()).isEqualTo(new SnPacket.WillTopicResp(ReturnCode.ACCEPTED));
    sensor.send(new SnPacket.WillMsgUpd(bytes("orphan")));
    assertThat(sensor.receivedOne()).isEqualTo(new SnPacket.WillMsgResp(ReturnCode.REJECTED_NOT_SUPPORTED));
    time.advance(Duration.ofSeconds(16));

    assertThat(gateway.sessionCount()).isZero();
    assertThat(watcher.deliveries).isEmpty();
  }

  @Test
  void register_beyondTheClientsLimit_isRefusedWithCongestion() {
    SnGateway strict = new SnGateway(broker, new MqttSnConfig(1, Map.of(), RETRY, 3, 1, 100), time, time,
        new InMemoryStore(), Map.of());
    FakeTransport otherTransport = new FakeTransport();
    otherTransport.start(strict.listenerFor(otherTransport, direct()));
    VirtualSensor s = new VirtualSensor(otherTransport, udp(40000));
    connected(s, "s1");
    register(s, "a/1", 1);

    s.send(new Register(0, 2, "a/2"));

    assertThat(s.receivedOne()).isEqualTo(new RegAck(0, 2, ReturnCode.REJECTED_CONGESTION));
  }

  @Test
  void publishQos2_lateNetworkCopyAfterPubrel_isNotPublishedAgain() {
    RecordingSink subscriber = subscribe("app", "sensors/#", Qos.EXACTLY_ONCE);
    connected(sensor, "s1");
    int topicId = register(sensor, "sensors/s1/door", 1);
    Publish publish = new Publish(false, SnQos.EXACTLY_ONCE, false, new SnTopic.Registered(topicId), 5, bytes("open"));
    sensor.send(publish);
    sensor.send(new PubRel(5));
    sensor.received();

    sensor.send(publish);

    assertThat(sensor.receivedOne()).isEqualTo(new PubRec(5));
    assertThat(subscriber.deliveries).hasSize(1);
  }

  @Test
  void publishQos2_sameIdWithNewContentAfterPubrel_isANewMessage() {
    RecordingSink subscriber = subscribe("app", "sensors/#", Qos.EXACTLY_ONCE);
    connected(sensor, "s1");
    int topicId = register(sensor, "sensors/s1/door", 1);
    sensor.send(new Publish(false, SnQos.EXACTLY_ONCE, false, new SnTopic.Registered(topicId), 5, bytes("open")));
    sensor.send(new PubRel(5));

    sensor.send(new Publish(false, SnQos.EXACTLY_ONCE, false, new SnTopic.Registered(topicId), 5, bytes("shut")));

    assertThat(subscriber.deliveries).extracting(d -> new String(d.message().payload(), StandardCharsets.UTF_8))
        .containsExactly("open", "shut");
  }

  @Test
  void reconnectWithWill_abandonedHandshake_endsTheOldConnectionWithItsWill() {
    connected(sensor, "s1", Optional.of(new Message("wills/s1", bytes("gone"), Qos.AT_MOST_ONCE, false)));
    RecordingSink watcher = subscribe("app", "wills/#", Qos.AT_MOST_ONCE);

    sensor.send(new Connect(true, true, 600, "s1"));
    time.advance(RETRY.multipliedBy(config.retryCount() + 1));

    assertThat(watcher.deliveries).singleElement()
        .satisfies(d -> assertThat(d.message().topic()).isEqualTo("wills/s1"));
    assertThat(gateway.sessionCount()).isZero();
  }

  // ---- helpers

  private VirtualSensor sensorAt(int port) {
    return new VirtualSensor(transport, udp(port));
  }

  private static UdpPeer udp(int port) {
    return new UdpPeer(new InetSocketAddress("127.0.0.1", port));
  }

  private static Connect connect(String clientId, boolean cleanSession, int keepAlive) {
    return new Connect(false, cleanSession, keepAlive, clientId);
  }

  private void connected(VirtualSensor s, String clientId) {
    connected(s, clientId, Optional.empty());
  }

  private void connected(VirtualSensor s, String clientId, Optional<Message> will) {
    connected(s, clientId, will, 600);
  }

  private void connected(VirtualSensor s, String clientId, Optional<Message> will, int keepAlive) {
    if (will.isEmpty()) {
      s.send(connect(clientId, true, keepAlive));
    } else {
      Message w = will.get();
      s.send(new Connect(true, true, keepAlive, clientId));
      s.send(new SnPacket.WillTopic(SnQosMapping.toSn(w.qos()), w.retain(), w.topic()));
      s.send(new SnPacket.WillMsg(w.payload()));
    }
    assertThat(s.received()).last().isEqualTo(new ConnAck(ReturnCode.ACCEPTED));
  }

  private int register(VirtualSensor s, String topic, int msgId) {
    s.send(new Register(0, msgId, topic));
    RegAck ack = (RegAck) s.receivedOne();
    assertThat(ack.returnCode()).isEqualTo(ReturnCode.ACCEPTED);
    return ack.topicId();
  }

  private void subscribeSensor(VirtualSensor s, String filter, SnQos qos) {
    subscribeSensorAck(s, filter, qos);
  }

  private SubAck subscribeSensorAck(VirtualSensor s, String filter, SnQos qos) {
    s.send(new Subscribe(false, qos, 1, new SnTopic.Named(filter)));
    SubAck ack = (SubAck) s.receivedOne();
    assertThat(ack.returnCode()).isEqualTo(ReturnCode.ACCEPTED);
    return ack;
  }

  private RecordingSink subscribe(String clientId, String filter, Qos qos) {
    RecordingSink sink = new RecordingSink();
    ClientHandle handle = broker.connect(new ConnectRequest(clientId, true, Optional.empty(), Duration.ZERO, 32), sink);
    broker.subscribe(handle, List.of(new Subscription(filter, qos)), granted -> { });
    return sink;
  }

  private void publishFromApp(String topic, String payload, Qos qos) {
    publishFromApp(topic, payload, qos, false);
  }

  private void publishFromApp(String topic, String payload, Qos qos, boolean retain) {
    broker.publish(null, new Message(topic, bytes(payload), qos, retain), outcome -> { });
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
