package org.sngw.sn.gateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sngw.sn.codec.SnPacket;
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
import org.sngw.sn.codec.SnPacket.Subscribe;
import org.sngw.sn.codec.SnPacket.Unsubscribe;
import org.sngw.sn.codec.SnPacket.WillMsgUpd;
import org.sngw.sn.codec.SnPacket.WillTopicUpd;
import org.sngw.transport.PeerAddress;
import org.sngw.transport.Transport;

/**
 * One sensor at one address: the client state of MQTT-SN 1.2's state diagram (6.14), kept here
 * and changed only by {@link #moveTo}, and the dispatch of each packet to the flow that handles
 * it ({@link ConnectFlow}, {@link PublishFlow}, {@link SubscribeFlow}, {@link SleepFlow}; what
 * goes to the sensor is {@link SnOutbox}'s). Owned by the core loop; every method runs there.
 */
final class SnSession {
  private static final Logger log = LoggerFactory.getLogger(SnSession.class);
  private static final int RELEASED_IDS_KEPT = 64;

  /** The client states of the specification, plus the will handshake between CONNECT and CONNACK. */
  enum State {
    /** Not connected: before the first CONNECT, and after DISCONNECT, a refusal or a take-over. */
    DISCONNECTED,
    /** CONNECT with the will flag arrived; WILLTOPIC and WILLMSG are awaited. */
    CONNECTING,
    ACTIVE,
    /** DISCONNECT with a sleep duration: messages are buffered until the sensor wakes. */
    ASLEEP,
    /** PINGREQ woke the sensor: buffered messages go out, then PINGRESP sends it back to sleep. */
    AWAKE,
    /** Silent past its keep-alive or sleep duration, unanswered past the retries, or its link dropped. */
    LOST
  }

  private final SnLink link;
  private final SessionServices services;
  private final Retransmitter retransmitter;
  private final KeepAlive keepAlive;
  private final Consumer<SnSession> onEnded;
  private final ConnectFlow connecting;
  private final PublishFlow publishing;
  private final SubscribeFlow subscribing;
  private final SleepFlow sleeping;
  /** Kept across the sensor's reconnects from this address, for the status page. */
  private final LastValues lastValues = new LastValues();
  private State state = State.DISCONNECTED;
  /** The CONNECT being handled or accepted last. */
  private Connect connect;
  private SnConnection connection;
  /** Whether a CONNECT was ever accepted here: a refused one leaves nothing to remember. */
  private boolean wasConnected;

  /** @param onEnded told once the session is over (DISCONNECTED or LOST after a CONNECT), to forget it */
  SnSession(SnLink link, SessionServices services, Consumer<SnSession> onEnded) {
    this.link = link;
    this.services = services;
    this.onEnded = onEnded;
    MqttSnConfig config = services.config();
    this.retransmitter =
        new Retransmitter(services.clock(), services.scheduler(), config.retryInterval(), config.retryCount(),
            this::giveUp);
    this.keepAlive = new KeepAlive(services.clock(), services.scheduler(), this::keepAliveExpired);
    this.connecting = new ConnectFlow(this, link, retransmitter, keepAlive, services);
    // A copy of a PUBLISH can trail its PUBREL by as long as the sensor may keep resending it.
    Duration resendSpan = config.retryInterval().multipliedBy(config.retryCount() + 1L);
    this.publishing = new PublishFlow(link, services.broker(),
        new ReleasedExactlyOnce(services.clock(), resendSpan, RELEASED_IDS_KEPT), lastValues, services.clock());
    this.subscribing = new SubscribeFlow(link, services.broker(), config.maxTopicsPerClient());
    this.sleeping = new SleepFlow(this, link, keepAlive);
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

  boolean wasConnected() {
    return wasConnected;
  }

  String clientId() {
    return connect == null ? null : connect.clientId();
  }

  /** The sensor as the status page shows it: topics with a value first, then those without. */
  SensorView view() {
    Set<String> names = new TreeSet<>();
    lastValues.topics().forEach(names::add);
    Set<String> withoutValue = new TreeSet<>();
    if (connection != null) {
      connection.topics().names().stream().filter(name -> !names.contains(name)).forEach(withoutValue::add);
    }
    long now = services.clock().nanos();
    List<SensorView.TopicValue> topics = new ArrayList<>();
    for (String name : names) {
      LastValues.Sample sample = lastValues.of(name).orElseThrow();
      topics.add(new SensorView.TopicValue(name, Optional.of(sample.text()),
          Optional.of(Duration.ofNanos(now - sample.atNanos()))));
    }
    withoutValue.forEach(name -> topics.add(new SensorView.TopicValue(name, Optional.empty(), Optional.empty())));
    int count = topics.size();
    return new SensorView(clientId(), transport().name(), peer().toString(), SnCensus.label(state),
        keepAlive.silence(), topics.subList(0, Math.min(count, SensorView.MAX_TOPICS)), count);
  }

  void handle(SnPacket packet) {
    keepAlive.heard();
    if (packet instanceof Connect c) {
      connecting.onConnect(c);
      return;
    }
    switch (state) {
      case CONNECTING -> connecting.duringHandshake(packet);
      case ACTIVE -> whileActive(packet);
      case ASLEEP -> sleeping.whileAsleep(connection, packet);
      case AWAKE -> {
        SnConnection awake = connection;
        whileActive(packet);
        sleeping.sleepWhenDone(awake);
      }
      case DISCONNECTED, LOST -> link.send(Disconnect.plain());
    }
  }

  /** The transport lost the link to the sensor; a sleeping sensor is expected to drop it. */
  void linkLost() {
    if (state != State.ASLEEP) {
      lost("link lost");
    }
  }

  private void whileActive(SnPacket packet) {
    SnOutbox outbox = connection.outbox();
    if (packet instanceof Publish publish) {
      publishing.onPublish(connection, publish);
    } else if (packet instanceof PubAck ack) {
      outbox.onPubAck(ack);
    } else if (packet instanceof PingReq) {
      // An awake sensor's PINGREQ is answered when its buffer is empty (SleepFlow.sleepWhenDone).
      if (state == State.ACTIVE) {
        link.send(new PingResp());
      }
    } else if (packet instanceof Register register) {
      subscribing.onRegister(connection, register);
    } else if (packet instanceof RegAck ack) {
      outbox.onRegAck(ack);
    } else if (packet instanceof PubRel rel) {
      publishing.onPubRel(connection, rel);
    } else if (packet instanceof PubRec rec) {
      outbox.onPubRec(rec);
    } else if (packet instanceof PubComp comp) {
      outbox.onPubComp(comp);
    } else if (packet instanceof Subscribe subscribe) {
      subscribing.onSubscribe(connection, subscribe);
    } else if (packet instanceof Unsubscribe unsubscribe) {
      subscribing.onUnsubscribe(connection, unsubscribe);
    } else if (packet instanceof Disconnect disconnect) {
      disconnect(disconnect);
    } else if (packet instanceof WillTopicUpd update) {
      connecting.onWillTopicUpdate(connection, update);
    } else if (packet instanceof WillMsgUpd update) {
      connecting.onWillMessageUpdate(connection, update);
    } else {
      log.debug("{} sent {}, which a client does not send; ignored", link.peer(), packet.type());
    }
  }

  // ---- state, for the flows

  /** The one place the state changes. */
  void moveTo(State next) {
    log.trace("{} ({}): {} -> {}", link.peer(), clientId(), state, next);
    state = next;
  }

  /** The CONNECT being handled; null before the first. */
  Connect connect() {
    return connect;
  }

  /** The accepted connection; null while there is none. */
  SnConnection connection() {
    return connection;
  }

  boolean isCurrent(SnConnection candidate) {
    return connection == candidate;
  }

  /** A CONNECT starts the handshake. */
  void connecting(Connect c) {
    connect = c;
    moveTo(State.CONNECTING);
  }

  /** The handshake is over and the connection accepted. */
  void connected(SnConnection accepted) {
    connection = accepted;
    wasConnected = true;
    moveTo(State.ACTIVE);
    services.events().sensorConnected(clientId());
  }

  /** Ends the current connection here; the broker is told by the caller, which knows how it ended. */
  SnConnection detach() {
    SnConnection old = connection;
    connection = null;
    old.outbox().close();
    return old;
  }

  /** DISCONNECT from the sensor: asleep with a duration, over without one. */
  void disconnect(Disconnect disconnect) {
    link.send(Disconnect.plain());
    if (disconnect.sleepSeconds().isPresent()) {
      sleeping.fallAsleep(connection, disconnect.sleepSeconds().getAsInt());
    } else {
      services.broker().disconnect(detach().handle(), true);
      end(State.DISCONNECTED);
      services.events().sensorDisconnected(clientId());
    }
  }

  /** The broker session was taken by a new connection of the same client id elsewhere. */
  void takenOver() {
    log.info("{} ({}) taken over by a new connection", link.peer(), clientId());
    detach();
    link.send(Disconnect.plain());
    end(State.DISCONNECTED);
  }

  /** The session is over: timers stop and the gateway forgets it. */
  void end(State how) {
    moveTo(how);
    retransmitter.stop();
    keepAlive.stop();
    onEnded.accept(this);
  }

  // ---- losing the sensor

  private void keepAliveExpired() {
    lost(state == State.ASLEEP || state == State.AWAKE
        ? "did not wake within 1.5 x its sleep duration"
        : "silent for 1.5 x keep-alive " + connect.keepAliveSeconds() + " s");
  }

  private void giveUp() {
    lost("no answer after " + services.config().retryCount() + " resends");
  }

  private void lost(String why) {
    if (state == State.LOST || state == State.DISCONNECTED) {
      return;
    }
    log.info("{} ({}) lost: {}", link.peer(), clientId(), why);
    if (connection != null) {
      services.broker().disconnect(detach().handle(), false);
    }
    connecting.endReplaced();
    end(State.LOST);
    services.events().sensorLost(clientId());
  }
}
