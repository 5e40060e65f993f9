package org.sngw.sn.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sngw.broker.Broker;
import org.sngw.broker.ClientHandle;
import org.sngw.broker.ConnectRequest;
import org.sngw.broker.Delivery;
import org.sngw.broker.PublishOutcome;
import org.sngw.broker.SessionSink;
import org.sngw.broker.Subscription;
import org.sngw.broker.topic.Topics;
import org.sngw.message.Message;
import org.sngw.message.Qos;
import org.sngw.sn.codec.ReturnCode;
import org.sngw.sn.codec.SnPacket;
import org.sngw.sn.codec.SnPacket.ConnAck;
import org.sngw.sn.codec.SnPacket.Connect;
import org.sngw.sn.codec.SnPacket.Disconnect;
import org.sngw.sn.codec.SnPacket.PingReq;
import org.sngw.sn.codec.SnPacket.PingResp;
import org.sngw.sn.codec.SnPacket.PubAck;
import org.sngw.sn.codec.SnPacket.PubComp;
import org.sngw.sn.codec.SnPacket.PubRec;
import org.sngw.sn.codec.SnPacket.PubRel;
import org.sngw.sn.codec.SnPacket.Publish;
import org.sngw.sn.codec.SnPacket.RegAck;
import org.sngw.sn.codec.SnPacket.Register;
import org.sngw.sn.codec.SnPacket.SubAck;
import org.sngw.sn.codec.SnPacket.Subscribe;
import org.sngw.sn.codec.SnPacket.UnsubAck;
import org.sngw.sn.codec.SnPacket.Unsubscribe;
import org.sngw.sn.codec.SnPacket.WillMsg;
import org.sngw.sn.codec.SnPacket.WillMsgReq;
import org.sngw.sn.codec.SnPacket.WillMsgResp;
import org.sngw.sn.codec.SnPacket.WillMsgUpd;
import org.sngw.sn.codec.SnPacket.WillTopic;
import org.sngw.sn.codec.SnPacket.WillTopicReq;
import org.sngw.sn.codec.SnPacket.WillTopicResp;
import org.sngw.sn.codec.SnPacket.WillTopicUpd;
import org.sngw.sn.codec.SnQos;
import org.sngw.sn.codec.SnTopic;
import org.sngw.transport.PeerAddress;
import org.sngw.transport.Transport;

/**
 * One sensor at one address: the MQTT-SN connection state machine in front of the sensor's broker
 * session. Owned by the core loop; every method runs there.
 */
final class SnSession {
  private static final Logger log = LoggerFactory.getLogger(SnSession.class);
  /** MQTT-SN sensors take one QoS 1/2 message at a time. */
  private static final int SENSOR_INFLIGHT_WINDOW = 1;
  private static final int MAX_CLIENT_ID_LENGTH = 1024;
  private static final int RELEASED_IDS_KEPT = 64;

  enum State {
    /** No CONNECT yet. A refused one closes the session, so none lingers in the gateway's map. */
    NEW,
    /** CONNECT with the will flag arrived; WILLTOPIC and WILLMSG are awaited. */
    CONNECTING,
    ACTIVE,
    /** DISCONNECT with a sleep duration: messages are buffered until the sensor wakes. */
    ASLEEP,
    /** PINGREQ woke the sensor: buffered messages go out, then PINGRESP sends it back to sleep. */
    AWAKE,
    /** Disconnected, lost, taken over or refused; the object is out of the gateway's map. */
    CLOSED
  }

  private final SnGateway gateway;
  private final SnLink link;
  private final Broker broker;
  private final Retransmitter retransmitter;
  private final KeepAlive keepAlive;
  private final ReleasedExactlyOnce releasedExactlyOnce;
  private State state = State.NEW;
  private Connect connect;
  /** The will topic given during the CONNECT handshake, until WILLMSG completes it. */
  private WillTopic willTopic;
  /** The will as it stands (null for none), kept to apply WILLTOPICUPD and WILLMSGUPD. */
  private Message will;
  private TopicRegistry topics;
  private Attachment attachment;
  /** The broker connection a same-client-id CONNECT is replacing, until that CONNECT is accepted. */
  private ClientHandle replaced;

  SnSession(SnGateway gateway, SnLink link) {
    this.gateway = gateway;
    this.link = link;
    this.broker = gateway.broker();
    this.retransmitter = new Retransmitter(
        gateway.scheduler(), gateway.config().retryInterval(), gateway.config().retryCount(), this::giveUp);
    this.keepAlive = new KeepAlive(gateway.clock(), gateway.scheduler(), this::keepAliveExpired);
    // A copy of a PUBLISH can trail its PUBREL by as long as the sensor may keep resending it.
    Duration resendSpan = gateway.config().retryInterval().multipliedBy(gateway.config().retryCount() + 1L);
    this.releasedExactlyOnce = new ReleasedExactlyOnce(gateway.clock(), resendSpan, RELEASED_IDS_KEPT);
  }

  State state() {
    return state;
  }

  PeerAddress peer() {
    return link.peer();
  }

  Transport transport() {
    return link.transport();
  }

  String clientId() {
    return connect == null ? null : connect.clientId();
  }

  void handle(SnPacket packet) {
    keepAlive.heard();
    if (packet instanceof Connect c) {
      onConnect(c);
      return;
    }
    switch (state) {
      case CONNECTING -> handleWhileConnecting(packet);
      case ACTIVE -> handleWhileActive(packet);
      case ASLEEP -> handleWhileAsleep(packet);
      case AWAKE -> {
        handleWhileActive(packet);
        sleepWhenDone();
      }
      case NEW, CLOSED -> link.send(Disconnect.plain());
    }
  }

  /** The transport lost the link to the sensor; a sleeping sensor is expected to drop it. */
  void linkLost() {
    if (state != State.ASLEEP) {
      lost("link lost");
    }
  }

  private void handleWhileConnecting(SnPacket packet) {
    if (packet instanceof WillTopic topic && willTopic == null) {
      onWillTopic(topic);
    } else if (packet instanceof WillMsg message && willTopic != null) {
      onWillMsg(message);
    } else {
      log.debug("{} sent {} during the will handshake; ignored", link.peer(), packet.type());
    }
  }

  private void handleWhileAsleep(SnPacket packet) {
    if (packet instanceof PingReq) {
      state = State.AWAKE;
      attachment.outbox.resume();
      sleepWhenDone();
    } else if (packet instanceof Disconnect disconnect) {
      onDisconnect(disconnect);
    } else {
      log.debug("{} sent {} while asleep; ignored", link.peer(), packet.type());
    }
  }

  /** An awake sensor goes back to sleep once everything buffered for it went out and was answered. */
  private void sleepWhenDone() {
    if (state == State.AWAKE && attachment.outbox.isIdle()) {
      link.send(new PingResp());
      state = State.ASLEEP;
      attachment.outbox.pause();
    }
  }

  private void handleWhileActive(SnPacket packet) {
    SnOutbox outbox = attachment.outbox;
    if (packet instanceof Publish publish) {
      onPublish(publish);
    } else if (packet instanceof PubAck ack) {
      outbox.onPubAck(ack);
    } else if (packet instanceof PingReq) {
      // An awake sensor's PINGREQ is answered when its buffer is empty (sleepWhenDone).
      if (state == State.ACTIVE) {
        link.send(new PingResp());
      }
    } else if (packet instanceof Register register) {
      onRegister(register);
    } else if (packet instanceof RegAck ack) {
      outbox.onRegAck(ack);
    } else if (packet instanceof PubRel rel) {
      onPubRel(rel);
    } else if (packet instanceof PubRec rec) {
      outbox.onPubRec(rec);
    } else if (packet instanceof PubComp comp) {
      outbox.onPubComp(comp);
    } else if (packet instanceof Subscribe subscribe) {
      onSubscribe(subscribe);
    } else if (packet instanceof Unsubscribe unsubscribe) {
      onUnsubscribe(unsubscribe);
    } else if (packet instanceof Disconnect disconnect) {
      onDisconnect(disconnect);
    } else if (packet instanceof WillTopicUpd update) {
      onWillTopicUpdate(update);
    } else if (packet instanceof WillMsgUpd update) {
      onWillMessageUpdate(update);
    } else {
      log.debug("{} sent {}, which a client does not send; ignored", link.peer(), packet.type());
    }
  }

  // ---- connecting

  private void onConnect(Connect c) {
    int idLength = c.clientId().length();
    if (idLength == 0 || idLength > MAX_CLIENT_ID_LENGTH) {
      link.send(new ConnAck(ReturnCode.REJECTED_NOT_SUPPORTED));
      if (attachment == null) {
        close(); // nothing to keep: a refused stranger leaves no state behind
      }
      return;
    }
    if (attachment != null) {
      // A CONNECT on a live connection starts a new one; the broker session decides what carries
      // over once it is accepted. Until then the old connection stays, to be ended if it never is.
      Attachment old = detach();
      if (old.handle.clientId().equals(c.clientId())) {
        replaced = old.handle;
      } else {
        broker.disconnect(old.handle, false);
      }
    }
    retransmitter.stop();
    keepAlive.stop();
    connect = c;
    willTopic = null;
    if (c.will()) {
      state = State.CONNECTING;
      retransmitter.send(link, new WillTopicReq());
    } else {
      accept(Optional.empty());
    }
  }

  private void onWillTopic(WillTopic topic) {
    retransmitter.answered();
    if (topic.isEmpty()) {
      accept(Optional.empty());
    } else if (!Topics.isValidName(topic.topic())) {
      refuse("invalid will topic " + topic.topic());
    } else {
      willTopic = topic;
      retransmitter.send(link, new WillMsgReq());
    }
  }

  private void onWillMsg(WillMsg message) {
    retransmitter.answered();
    accept(Optional.of(new Message(
        willTopic.topic(), message.message(), SnQosMapping.toBroker(willTopic.qos()), willTopic.retain())));
  }

  /** Ends a CONNECT handshake with a refusal; the session goes, as no connection is left in it. */
  private void refuse(String why) {
    log.info("{} refused: {}", link.peer(), why);
    endReplaced();
    link.send(new ConnAck(ReturnCode.REJECTED_NOT_SUPPORTED));
    close();
  }

  private void accept(Optional<Message> connectWill) {
    will = connectWill.orElse(null);
    topics = gateway.registryFor(connect.clientId(), connect.cleanSession());
    Attachment joining = new Attachment();
    attachment = joining;
    state = State.ACTIVE;
    // CONNACK first: a resumed session may start delivering inside broker.connect.
    link.send(new ConnAck(ReturnCode.ACCEPTED));
    Duration keepAlivePeriod = Duration.ofSeconds(connect.keepAliveSeconds());
    joining.handle = broker.connect(new ConnectRequest(
        connect.clientId(), connect.cleanSession(), connectWill, keepAlivePeriod, SENSOR_INFLIGHT_WINDOW), joining);
    replaced = null;
    keepAlive.start(keepAlivePeriod);
  }

  // ---- active

  private void onRegister(Register register) {
    String name = register.topicName();
    if (!Topics.isValidName(name)) {
      link.send(new RegAck(0, register.msgId(), ReturnCode.REJECTED_INVALID_TOPIC_ID));
      return;
    }
    topics.register(name, gateway.config().maxTopicsPerClient()).ifPresentOrElse(
        id -> link.send(new RegAck(id, register.msgId(), ReturnCode.ACCEPTED)),
        () -> link.send(new RegAck(0, register.msgId(), ReturnCode.REJECTED_CONGESTION)));
  }

  private void onPublish(Publish publish) {
    String name = topicName(publish.topic());
    int rawTopicId = rawTopicId(publish.topic());
    if (name == null) {
      link.send(new PubAck(rawTopicId, publish.msgId(), ReturnCode.REJECTED_INVALID_TOPIC_ID));
      return;
    }
    Message message = new Message(name, publish.data(), SnQosMapping.toBroker(publish.qos()), publish.retain());
    int msgId = publish.msgId();
    switch (publish.qos()) {
      case AT_MOST_ONCE, FIRE_AND_FORGET -> broker.publish(attachment.handle, message, outcome -> { });
      case AT_LEAST_ONCE -> broker.publish(attachment.handle, message,
          outcome -> link.send(new PubAck(rawTopicId, msgId, returnCode(outcome))));
      case EXACTLY_ONCE -> publishExactlyOnce(message, msgId, rawTopicId);
    }
  }

  private void onPubRel(PubRel rel) {
    releasedExactlyOnce.released(rel.msgId());
    broker.releaseInbound(attachment.handle, rel.msgId());
    link.send(new PubComp(rel.msgId()));
  }

  private void publishExactlyOnce(Message message, int msgId, int rawTopicId) {
    if (releasedExactlyOnce.isLateCopy(msgId, message.topic(), message.payload())) {
      link.send(new PubRec(msgId));
      return;
    }
    broker.publishExactlyOnce(attachment.handle, msgId, message, outcome -> {
      if (outcome == PublishOutcome.ACCEPTED) {
        releasedExactlyOnce.received(msgId, message.topic(), message.payload());
        link.send(new PubRec(msgId));
      } else {
        link.send(new PubAck(rawTopicId, msgId, returnCode(outcome)));
      }
    });
  }

  private void onSubscribe(Subscribe subscribe) {
    int msgId = subscribe.msgId();
    String filter = topicName(subscribe.topic());
    if (filter == null || !Topics.isValidFilter(filter)) {
      link.send(new SubAck(SnQos.AT_MOST_ONCE, 0, msgId, ReturnCode.REJECTED_INVALID_TOPIC_ID));
      return;
    }
    // Wildcard filters and short names carry no topic id in SUBACK.
    int topicId = 0;
    if (subscribe.topic() instanceof SnTopic.Predefined predefined) {
      topicId = predefined.id();
    } else if (subscribe.topic() instanceof SnTopic.Named && !Topics.hasWildcard(filter)) {
      OptionalInt id = topics.register(filter, Integer.MAX_VALUE);
      if (id.isEmpty()) {
        link.send(new SubAck(SnQos.AT_MOST_ONCE, 0, msgId, ReturnCode.REJECTED_CONGESTION));
        return;
      }
      topicId = id.getAsInt();
    }
    int grantedTopicId = topicId;
    Qos wanted = SnQosMapping.toBroker(subscribe.qos());
    broker.subscribe(attachment.handle, List.of(new Subscription(filter, wanted)), granted -> link.send(
        granted.get(0)
            .map(qos -> new SubAck(SnQosMapping.toSn(qos), grantedTopicId, msgId, ReturnCode.ACCEPTED))
            .orElseGet(() -> new SubAck(SnQos.AT_MOST_ONCE, 0, msgId, ReturnCode.REJECTED_INVALID_TOPIC_ID))));
  }

  private void onUnsubscribe(Unsubscribe unsubscribe) {
    String filter = topicName(unsubscribe.topic());
    int msgId = unsubscribe.msgId();
    if (filter == null) {
      link.send(new UnsubAck(msgId));
      return;
    }
    broker.unsubscribe(attachment.handle, List.of(filter), () -> link.send(new UnsubAck(msgId)));
  }

  private void onDisconnect(Disconnect disconnect) {
    link.send(Disconnect.plain());
    if (disconnect.sleepSeconds().isPresent()) {
      fallAsleep(disconnect.sleepSeconds().getAsInt());
    } else {
      broker.disconnect(detach().handle, true);
      close();
    }
  }

  /** The session stays; a sensor silent for 1.5 times its sleep duration is lost. */
  private void fallAsleep(int seconds) {
    state = State.ASLEEP;
    attachment.outbox.pause();
    keepAlive.start(Duration.ofSeconds(seconds));
  }

  // ---- will updates

  private void onWillTopicUpdate(WillTopicUpd update) {
    if (update.isEmpty()) {
      setWill(null);
    } else if (!Topics.isValidName(update.topic())) {
      link.send(new WillTopicResp(ReturnCode.REJECTED_INVALID_TOPIC_ID));
      return;
    } else {
      byte[] payload = will == null ? new byte[0] : will.payload();
      setWill(new Message(update.topic(), payload, SnQosMapping.toBroker(update.qos()), update.retain()));
    }
    link.send(new WillTopicResp(ReturnCode.ACCEPTED));
  }

  private void onWillMessageUpdate(WillMsgUpd update) {
    if (will == null) {
      // A will message without a will topic has nowhere to go.
      link.send(new WillMsgResp(ReturnCode.REJECTED_NOT_SUPPORTED));
      return;
    }
    setWill(new Message(will.topic(), update.message(), will.qos(), will.retain()));
    link.send(new WillMsgResp(ReturnCode.ACCEPTED));
  }

  private void setWill(Message newWill) {
    will = newWill;
    broker.updateWill(attachment.handle, Optional.ofNullable(newWill));
  }

  // ---- ending

  private void keepAliveExpired() {
    lost(state == State.ASLEEP || state == State.AWAKE
        ? "did not wake within 1.5 x its sleep duration"
        : "silent for 1.5 x keep-alive " + connect.keepAliveSeconds() + " s");
  }

  private void giveUp() {
    lost("no answer after " + gateway.config().retryCount() + " resends");
  }

  private void lost(String why) {
    if (state == State.CLOSED) {
      return;
    }
    log.info("{} ({}) lost: {}", link.peer(), clientId(), why);
    if (attachment != null) {
      broker.disconnect(detach().handle, false);
    }
    endReplaced();
    close();
  }

  private void takenOver() {
    log.info("{} ({}) taken over by a new connection", link.peer(), clientId());
    detach();
    link.send(Disconnect.plain());
    close();
  }

  /** A replacing CONNECT failed: the connection it was to replace is over, without DISCONNECT. */
  private void endReplaced() {
    if (replaced != null) {
      broker.disconnect(replaced, false);
      replaced = null;
    }
  }

  private Attachment detach() {
    Attachment old = attachment;
    attachment = null;
    old.outbox.close();
    return old;
  }

  private void close() {
    state = State.CLOSED;
    retransmitter.stop();
    keepAlive.stop();
    gateway.closed(this);
  }

  // ---- topics

  /** The full topic name a packet refers to, or null when the id is unknown. */
  private String topicName(SnTopic topic) {
    if (topic instanceof SnTopic.Registered registered) {
      return topics.nameOf(registered.id());
    } else if (topic instanceof SnTopic.Predefined predefined) {
      return gateway.predefined().nameOf(predefined.id());
    } else if (topic instanceof SnTopic.Short shortName) {
      return shortName.name();
    }
    return ((SnTopic.Named) topic).name();
  }

  private static int rawTopicId(SnTopic topic) {
    if (topic instanceof SnTopic.Registered registered) {
      return registered.id();
    } else if (topic instanceof SnTopic.Predefined predefined) {
      return predefined.id();
    } else if (topic instanceof SnTopic.Short shortName) {
      return shortName.asId();
    }
    return 0;
  }

  private static ReturnCode returnCode(PublishOutcome outcome) {
    return switch (outcome) {
      case ACCEPTED -> ReturnCode.ACCEPTED;
      case CONGESTED -> ReturnCode.REJECTED_CONGESTION;
      case INVALID_TOPIC -> ReturnCode.REJECTED_INVALID_TOPIC_ID;
    };
  }

  /**
   * One connection's hold on the broker session. A fresh one per CONNECT, so callbacks meant for
   * an earlier connection of this sensor are recognised and ignored.
   */
  private final class Attachment implements SessionSink, SnOutbox.Acks {
    final SnOutbox outbox = new SnOutbox(link, topics, gateway.predefined(), retransmitter, this,
        gateway.config().maxPendingPerClient(), gateway.config().retryCount(), gateway.stats());
    ClientHandle handle;

    private boolean current() {
      return attachment == this;
    }

    @Override
    public void deliver(Delivery delivery) {
      if (current()) {
        outbox.deliver(delivery);
      }
    }

    @Override
    public void release(int packetId) {
      if (current()) {
        outbox.release(packetId);
      }
    }

    @Override
    public void takenOver() {
      if (current()) {
        SnSession.this.takenOver();
      }
    }

    @Override
    public void acknowledged(int packetId) {
      broker.acknowledged(handle, packetId);
    }

    @Override
    public void received(int packetId) {
      broker.received(handle, packetId);
    }

    @Override
    public void completed(int packetId) {
      broker.completed(handle, packetId);
    }
  }
}
