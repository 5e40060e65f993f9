package org.sngw.sn.gateway;

import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sngw.broker.Broker;
import org.sngw.broker.ClientHandle;
import org.sngw.broker.ClientIds;
import org.sngw.broker.ConnectRequest;
import org.sngw.broker.topic.Topics;
import org.sngw.message.Message;
import org.sngw.sn.codec.ReturnCode;
import org.sngw.sn.codec.SnPacket;
import org.sngw.sn.codec.SnPacket.ConnAck;
import org.sngw.sn.codec.SnPacket.Connect;
import org.sngw.sn.codec.SnPacket.WillMsg;
import org.sngw.sn.codec.SnPacket.WillMsgReq;
import org.sngw.sn.codec.SnPacket.WillMsgResp;
import org.sngw.sn.codec.SnPacket.WillMsgUpd;
import org.sngw.sn.codec.SnPacket.WillTopic;
import org.sngw.sn.codec.SnPacket.WillTopicReq;
import org.sngw.sn.codec.SnPacket.WillTopicResp;
import org.sngw.sn.codec.SnPacket.WillTopicUpd;

/**
 * CONNECT and the will (MQTT-SN 1.2, 6.3 to 6.5 and 6.12): the handshake from CONNECT through
 * WILLTOPICREQ, WILLTOPIC, WILLMSGREQ and WILLMSG to CONNACK, and a connected sensor's
 * WILLTOPICUPD and WILLMSGUPD.
 */
final class ConnectFlow {
  private static final Logger log = LoggerFactory.getLogger(ConnectFlow.class);
  /** MQTT-SN sensors take one QoS 1/2 message at a time. */
  private static final int SENSOR_INFLIGHT_WINDOW = 1;
  private static final int MAX_CLIENT_ID_LENGTH = 1024;

  private final SnSession session;
  private final SnLink link;
  private final Retransmitter retransmitter;
  private final KeepAlive keepAlive;
  private final SessionServices services;
  private final Broker broker;
  /** The will topic given during the handshake, until WILLMSG completes it. */
  private WillTopic willTopic;
  /** The broker connection a same-client-id CONNECT is replacing, until that CONNECT is accepted. */
  private ClientHandle replaced;

  ConnectFlow(SnSession session, SnLink link, Retransmitter retransmitter, KeepAlive keepAlive,
      SessionServices services) {
    this.session = session;
    this.link = link;
    this.retransmitter = retransmitter;
    this.keepAlive = keepAlive;
    this.services = services;
    this.broker = services.broker();
  }

  void onConnect(Connect c) {
    int idLength = c.clientId().length();
    if (idLength == 0 || idLength > MAX_CLIENT_ID_LENGTH || ClientIds.isReserved(c.clientId())) {
      link.send(new ConnAck(ReturnCode.REJECTED_NOT_SUPPORTED));
      if (session.connection() == null) {
        session.end(SnSession.State.DISCONNECTED); // a refused stranger leaves no state behind
      }
      return;
    }
    if (session.connection() != null) {
      // A CONNECT on a live connection starts a new one; the broker session decides what carries
      // over once it is accepted. Until then the old connection stays, to be ended if it never is.
      SnConnection old = session.detach();
      if (old.handle().clientId().equals(c.clientId())) {
        replaced = old.handle();
      } else {
        broker.disconnect(old.handle(), false);
      }
    }
    retransmitter.stop();
    keepAlive.stop();
    willTopic = null;
    session.connecting(c);
    if (c.will()) {
      retransmitter.send(link, new WillTopicReq());
    } else {
      accept(c, Optional.empty());
    }
  }

  /** What a sensor sends between CONNECT and CONNACK. */
  void duringHandshake(SnPacket packet) {
    if (packet instanceof WillTopic topic && willTopic == null) {
      onWillTopic(topic);
    } else if (packet instanceof WillMsg message && willTopic != null) {
      retransmitter.answered();
      accept(session.connect(), Optional.of(new Message(willTopic.topic(), message.message(),
          SnQosMapping.toBroker(willTopic.qos()), willTopic.retain())));
    } else {
      log.debug("{} sent {} during the will handshake; ignored", link.peer(), packet.type());
    }
  }

  private void onWillTopic(WillTopic topic) {
    retransmitter.answered();
    if (topic.isEmpty()) {
      accept(session.connect(), Optional.empty());
    } else if (!Topics.isValidName(topic.topic())) {
      refuse("invalid will topic " + topic.topic());
    } else {
      willTopic = topic;
      retransmitter.send(link, new WillMsgReq());
    }
  }

  /** Ends the handshake with a refusal; the session goes, as no connection is left in it. */
  private void refuse(String why) {
    log.info("{} refused: {}", link.peer(), why);
    endReplaced();
    link.send(new ConnAck(ReturnCode.REJECTED_NOT_SUPPORTED));
    session.end(SnSession.State.DISCONNECTED);
  }

  private void accept(Connect c, Optional<Message> will) {
    Duration keepAlivePeriod = Duration.ofSeconds(c.keepAliveSeconds());
    ConnectRequest request =
        ConnectRequest.sensor(c.clientId(), c.cleanSession(), will, keepAlivePeriod, SENSOR_INFLIGHT_WINDOW);
    if (!broker.mayConnect(request)) {
      refuse("client id " + c.clientId() + " is the session of a client from another listener or user");
      return;
    }
    TopicRegistry topics = services.registries().forConnection(c.clientId(), c.cleanSession());
    SnConnection joining = new SnConnection(session, link, retransmitter, services, topics, will);
    session.connected(joining);
    // CONNACK first: a resumed session may start delivering inside broker.connect.
    link.send(new ConnAck(ReturnCode.ACCEPTED));
    joining.attached(broker.connect(
        request, joining));
    replaced = null;
    keepAlive.start(keepAlivePeriod);
  }

  /** A replacing CONNECT failed: the connection it was to replace is over, without DISCONNECT. */
  void endReplaced() {
    if (replaced != null) {
      broker.disconnect(replaced, false);
      replaced = null;
    }
  }

  // ---- updates of a connected sensor's will

  void onWillTopicUpdate(SnConnection connection, WillTopicUpd update) {
    if (update.isEmpty()) {
      connection.updateWill(Optional.empty());
    } else if (!Topics.isValidName(update.topic())) {
      link.send(new WillTopicResp(ReturnCode.REJECTED_INVALID_TOPIC_ID));
      return;
    } else {
      byte[] payload = connection.will().map(Message::payload).orElse(new byte[0]);
      connection.updateWill(Optional.of(
          new Message(update.topic(), payload, SnQosMapping.toBroker(update.qos()), update.retain())));
    }
    link.send(new WillTopicResp(ReturnCode.ACCEPTED));
  }

  void onWillMessageUpdate(SnConnection connection, WillMsgUpd update) {
    Optional<Message> will = connection.will();
    if (will.isEmpty()) {
      // A will message without a will topic has nowhere to go.
      link.send(new WillMsgResp(ReturnCode.REJECTED_NOT_SUPPORTED));
      return;
    }
    Message old = will.get();
    connection.updateWill(Optional.of(new Message(old.topic(), update.message(), old.qos(), old.retain())));
    link.send(new WillMsgResp(ReturnCode.ACCEPTED));
  }
}
