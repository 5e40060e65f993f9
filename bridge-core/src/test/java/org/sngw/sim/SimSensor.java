package org.sngw.sim;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
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
import org.sngw.sn.codec.SnPacket.WillMsg;
import org.sngw.sn.codec.SnPacket.WillMsgReq;
import org.sngw.sn.codec.SnPacket.WillTopic;
import org.sngw.sn.codec.SnPacket.WillTopicReq;
import org.sngw.sn.codec.SnQos;
import org.sngw.sn.codec.SnTopic;
import org.sngw.time.Cancellable;
import org.sngw.time.VirtualTime;

/**
 * A battery sensor's MQTT-SN client, written from the specification for the simulation, not from
 * the gateway's code. One request at a time awaits its answer (CONNECT, REGISTER, SUBSCRIBE,
 * PUBLISH QoS 1/2, PUBREL, PINGREQ, DISCONNECT) in an {@link Exchange}; what the gateway starts
 * (REGISTER, PUBLISH, PUBREL, the will questions) is answered at once. A persistent session's state
 * (topic ids, QoS 2 flows both ways) carries over to the next connection; a clean one's does not.
 *
 * <p>A sleeping sensor, once idle, sends DISCONNECT with its sleep duration and turns its radio
 * off; before the duration is up it wakes with a PINGREQ carrying its client id, takes what the
 * gateway buffered, and sleeps again at PINGRESP. With readings to publish it wakes with a CONNECT
 * instead, as the specification has a sleeping client return to the active state.
 *
 * <p>Runs on the simulation's one thread, driven by the network and the virtual clock.
 */
final class SimSensor {
  enum State {
    /** Not connected: before its start, between connections, or away. */
    OFF,
    CONNECTING,
    ACTIVE,
    /** Radio off; the gateway buffers for it. */
    ASLEEP,
    /** Woke with PINGREQ: takes buffered messages until PINGRESP. */
    WAKING,
    DISCONNECTING,
    /** Vanished or departed: hears and says nothing any more. */
    GONE
  }

  /** A filter's first accepted SUBACK in this sensor's session, with the granted QoS. */
  record Grant(String filter, Qos qos, long nanos) {}

  /** A QoS 1/2 message whose flow has started; kept across connections of a persistent session. */
  private static final class Outgoing {
    final Publication publication;
    final SnTopic topic;
    final int msgId;
    boolean released;

    Outgoing(Publication publication, SnTopic topic, int msgId) {
      this.publication = publication;
      this.topic = topic;
      this.msgId = msgId;
    }
  }

  private static final int MAX_BUFFERED_READINGS = 4;

  private final SensorPlan plan;
  private final SensorEnv env;
  private final VirtualTime time;
  private final SimLink link;
  private final Exchange exchange;
  private final SensorTopics topics;
  private final Set<Integer> inboundExactlyOnce = new HashSet<>();
  private final ArrayDeque<Publication> outbox = new ArrayDeque<>();
  private final ArrayDeque<Subscription> toSubscribe = new ArrayDeque<>();
  private final Map<String, Grant> grants = new LinkedHashMap<>();
  private final List<Episode> episodes = new ArrayList<>();
  private State state = State.OFF;
  private Episode episode;
  private Outgoing inflight;
  private boolean holding;
  private boolean leaving;
  private boolean returning;
  private long lastSentNanos;
  private int lastMsgId;
  private int readings;
  private Cancellable pingTimer;
  private Cancellable holdTimer;
  private Cancellable connectTimer;
  private Cancellable wakeTimer;

  SimSensor(SensorPlan plan, SensorEnv env, SimNetwork network, java.util.SplittableRandom random) {
    this.plan = plan;
    this.env = env;
    this.time = env.time();
    this.link = network.attach(plan.name(), plan.address(), random, this::receive);
    this.exchange = new Exchange(time, plan.retryInterval(), plan.retries(), this::send, this::unanswered);
    this.topics = new SensorTopics(env.predefined());
  }

  SensorPlan plan() {
    return plan;
  }

  String name() {
    return plan.name();
  }

  State state() {
    return state;
  }

  List<Episode> episodes() {
    return episodes;
  }

  /** First accepted SUBACK per filter; meaningful as standing subscriptions only for a persistent session. */
  Iterable<Grant> grants() {
    return grants.values();
  }

  /** Schedules everything the plan says; the run calls this once, at time zero. */
  void start() {
    connectTimer = time.schedule(plan.startAt(), this::connect);
    for (Reading reading : plan.readings()) {
      time.schedule(reading.at(), () -> reading(reading));
    }
    switch (plan.ending()) {
      case STAY -> { }
      case VANISH -> time.schedule(plan.leaveAt(), this::vanish);
      case DEPART -> time.schedule(plan.leaveAt(), () -> leave(false));
      case AWAY -> time.schedule(plan.leaveAt(), () -> leave(true));
    }
  }

  /** The run is over: a sensor still here disconnects for good. */
  void windDown() {
    leave(false);
  }

  // ---- connection lifecycle

  private void connect() {
    connectTimer = null;
    if (state != State.OFF) {
      return;
    }
    state = State.CONNECTING;
    String will = plan.will() ? "will " + name() + " #" + (episodes.size() + 1) : null;
    episode = new Episode(name(), episodes.size() + 1, time.nanos(), will);
    episodes.add(episode);
    if (will != null) {
      env.ledger().will(willMessage());
    }
    if (plan.cleanSession()) {
      // A clean connection starts from nothing, on the gateway's side and so on ours.
      topics.clear();
      inboundExactlyOnce.clear();
      inflight = null;
    }
    note("connecting, episode " + episode.number);
    exchange.start(new Connect(plan.will(), plan.cleanSession(), plan.keepAliveSeconds(), plan.clientId()),
        answer -> answer instanceof ConnAck, this::onConnAck);
  }

  private void onConnAck(SnPacket answer) {
    if (((ConnAck) answer).returnCode() != ReturnCode.ACCEPTED) {
      env.ledger().error(name() + " was refused: " + answer);
      lost("refused");
      return;
    }
    state = State.ACTIVE;
    episode.connAcked = true;
    toSubscribe.clear();
    toSubscribe.addAll(plan.subscriptions());
    // Whatever still arrives from before this CONNACK (a stale REGISTER) must not be taken for this connection's.
    holding = true;
    holdTimer = time.schedule(env.datagramLifetime(), () -> {
      holdTimer = null;
      holding = false;
      armPing(plan.keepAliveSeconds() * 1_000_000_000L);
      pump();
    });
  }

  private void leave(boolean comeBack) {
    if (state == State.GONE) {
      return;
    }
    if (state == State.ACTIVE || state == State.WAKING) {
      leaving = true;
      returning = comeBack;
      pump();
      return;
    }
    if (state == State.ASLEEP) {
      // A sleeping client may say goodbye without waking first.
      returning = comeBack;
      cancel(wakeTimer);
      disconnect();
      return;
    }
    if (state == State.DISCONNECTING) {
      returning = comeBack;
      return;
    }
    // Not connected: there is no one to say goodbye to; it simply stops.
    if (comeBack) {
      return;
    }
    vanish();
  }

  private void vanish() {
    if (state == State.GONE) {
      return;
    }
    note("vanishes in state " + state);
    if (episode != null) {
      episode.end(Episode.End.VANISHED, time.nanos());
    }
    stopConnection();
    cancel(connectTimer);
    connectTimer = null;
    state = State.GONE;
  }

  private void disconnected(Episode.End how) {
    episode.end(how, time.nanos());
    stopConnection();
    leaving = false;
    if (returning) {
      returning = false;
      state = State.OFF;
      connectTimer = time.schedule(plan.awayFor().plus(gap()), this::connect);
    } else {
      state = State.GONE;
    }
  }

  /** The sensor takes the gateway for lost: it starts over after two datagram lifetimes and a little. */
  private void lost(String why) {
    note("lost: " + why);
    episode.end(Episode.End.LOST, time.nanos());
    stopConnection();
    state = State.OFF;
    long jitter = link.random().nextLong(1, 5_000_000_000L);
    connectTimer = time.schedule(gap().plusNanos(jitter), this::connect);
  }

  private Duration gap() {
    return env.datagramLifetime().multipliedBy(2);
  }

  private void stopConnection() {
    exchange.cancel();
    cancel(pingTimer);
    cancel(holdTimer);
    cancel(wakeTimer);
    pingTimer = null;
    holdTimer = null;
    wakeTimer = null;
    holding = false;
  }

  private void unanswered(SnPacket request) {
    if (state == State.DISCONNECTING) {
      disconnected(Episode.End.DISCONNECT_UNANSWERED);
    } else {
      lost("no answer to " + request.type());
    }
  }

  // ---- what the sensor starts, one at a time

  private void pump() {
    while (state == State.ACTIVE && !holding && !exchange.busy()) {
      if (inflight != null) {
        resume(inflight);
      } else if (leaving) {
        disconnect();
      } else if (!toSubscribe.isEmpty()) {
        subscribe(toSubscribe.peekFirst());
      } else if (!outbox.isEmpty()) {
        publishNext();
      } else if (plan.sleepSeconds() > 0) {
        exchange.start(new Disconnect(OptionalInt.of(plan.sleepSeconds())), answer -> answer instanceof Disconnect,
            answer -> fallAsleep());
      } else {
        return;
      }
    }
  }

  private void disconnect() {
    state = State.DISCONNECTING;
    exchange.start(Disconnect.plain(), answer -> answer instanceof Disconnect,
        answer -> disconnected(Episode.End.DISCONNECTED));
  }

  // ---- sleeping

  private void fallAsleep() {
    cancel(pingTimer);
    pingTimer = null;
    state = State.ASLEEP;
    long sleep = plan.sleepSeconds() * 1_000_000_000L;
    wakeTimer = time.schedule(Duration.ofNanos(link.random().nextLong(sleep / 2, sleep * 9 / 10)), this::wake);
  }

  private void wake() {
    wakeTimer = null;
    if (state != State.ASLEEP) {
      return;
    }
    if (!outbox.isEmpty()) {
      note("wakes to publish");
      episode.end(Episode.End.RECONNECTED, time.nanos());
      state = State.OFF;
      connect();
      return;
    }
    state = State.WAKING;
    exchange.start(new PingReq(Optional.of(plan.clientId())), answer -> answer instanceof PingResp, answer -> {
      if (leaving) {
        disconnect();
      } else {
        fallAsleep();
      }
    });
  }

  private void reading(Reading reading) {
    if (state == State.GONE || outbox.size() >= MAX_BUFFERED_READINGS) {
      return;
    }
    String payload = name() + "#" + ++readings;
    outbox.addLast(env.ledger().publication(payload, reading.topic(), reading.qos(), reading.retain(), name()));
    pump();
  }

  private void subscribe(Subscription subscription) {
    int msgId = nextMsgId();
    SnTopic topic = topics.forSubscribe(subscription.filter());
    exchange.start(new Subscribe(false, toSn(subscription.qos()), msgId, topic),
        answer -> answer instanceof SubAck ack && ack.msgId() == msgId,
        answer -> onSubAck(subscription, topic, (SubAck) answer));
  }

  private void onSubAck(Subscription subscription, SnTopic topic, SubAck ack) {
    toSubscribe.pollFirst();
    if (ack.returnCode() == ReturnCode.ACCEPTED) {
      if (topic instanceof SnTopic.Named named && !Topics.hasWildcard(named.name()) && ack.topicId() != 0) {
        topics.learn(ack.topicId(), named.name());
      }
      grants.putIfAbsent(subscription.filter(), new Grant(subscription.filter(), toBroker(ack.qos()), time.nanos()));
    } else {
      env.ledger().error(name() + " had SUBSCRIBE " + subscription.filter() + " refused: " + ack.returnCode());
    }
    pump();
  }

  private void publishNext() {
    Publication next = outbox.peekFirst();
    SnTopic topic = topics.forPublish(next.topic());
    if (topic == null) {
      int msgId = nextMsgId();
      exchange.start(new Register(0, msgId, next.topic()),
          answer -> answer instanceof RegAck ack && ack.msgId() == msgId,
          answer -> onRegAck(next, (RegAck) answer));
      return;
    }
    outbox.pollFirst();
    if (next.qos() == Qos.AT_MOST_ONCE) {
      send(publishPacket(next, topic, 0, false));
      return;
    }
    inflight = new Outgoing(next, topic, nextMsgId());
    sendPublish(inflight, false);
  }

  private void onRegAck(Publication waiting, RegAck ack) {
    if (ack.returnCode() == ReturnCode.ACCEPTED) {
      topics.learn(ack.topicId(), waiting.topic());
    } else {
      env.ledger().error(name() + " had REGISTER " + waiting.topic() + " refused: " + ack.returnCode());
      outbox.remove(waiting);
    }
    pump();
  }

  /** Takes up a flow the last connection left open (persistent session): PUBLISH again with DUP, or PUBREL. */
  private void resume(Outgoing outgoing) {
    if (outgoing.released) {
      release(outgoing);
    } else {
      sendPublish(outgoing, true);
    }
  }

  private void sendPublish(Outgoing outgoing, boolean dup) {
    exchange.start(publishPacket(outgoing.publication, outgoing.topic, outgoing.msgId, dup),
        answer -> (answer instanceof PubAck ack && ack.msgId() == outgoing.msgId)
            || (answer instanceof PubRec rec && rec.msgId() == outgoing.msgId
                && outgoing.publication.qos() == Qos.EXACTLY_ONCE),
        answer -> onPublishAnswer(outgoing, answer));
  }

  private void onPublishAnswer(Outgoing outgoing, SnPacket answer) {
    Publication publication = outgoing.publication;
    if (answer instanceof PubRec) {
      publication.acked(time.nanos());
      outgoing.released = true;
      release(outgoing);
      return;
    }
    PubAck ack = (PubAck) answer;
    inflight = null;
    if (ack.returnCode() == ReturnCode.ACCEPTED) {
      publication.acked(time.nanos());
    } else if (ack.returnCode() == ReturnCode.REJECTED_INVALID_TOPIC_ID) {
      // The gateway no longer knows our id: register the topic again and send the reading anew.
      topics.forget(outgoing.topic);
      outbox.addFirst(publication);
    } else {
      publication.refused(true);
    }
    pump();
  }

  private void release(Outgoing outgoing) {
    exchange.start(new PubRel(outgoing.msgId),
        answer -> answer instanceof PubComp comp && comp.msgId() == outgoing.msgId,
        answer -> {
          inflight = null;
          pump();
        });
  }

  private Publish publishPacket(Publication publication, SnTopic topic, int msgId, boolean dup) {
    return new Publish(dup, toSn(publication.qos()), publication.retain(), topic, msgId,
        publication.payload().getBytes(StandardCharsets.UTF_8));
  }

  // ---- keep-alive

  private void armPing(long inNanos) {
    cancel(pingTimer);
    pingTimer = time.schedule(Duration.ofNanos(inNanos), this::pingCheck);
  }

  private void pingCheck() {
    pingTimer = null;
    long period = plan.keepAliveSeconds() * 1_000_000_000L;
    long idle = time.nanos() - lastSentNanos;
    if (idle < period) {
      armPing(period - idle);
      return;
    }
    if (state == State.ACTIVE && !exchange.busy()) {
      exchange.start(PingReq.plain(), answer -> answer instanceof PingResp, answer -> pump());
    }
    armPing(period);
  }

  // ---- what arrives

  private void receive(SnPacket packet) {
    if (state == State.OFF || state == State.ASLEEP || state == State.GONE) {
      return;
    }
    if (packet instanceof WillTopicReq || packet instanceof WillMsgReq) {
      answerWillQuestion(packet);
      return;
    }
    if (exchange.offer(packet) || !(state == State.ACTIVE || state == State.WAKING) || holding) {
      return;
    }
    if (state == State.WAKING) {
      // The gateway is handing over what it buffered: stay awake for the rest.
      exchange.progressed();
    }
    if (packet instanceof Register register) {
      topics.learn(register.topicId(), register.topicName());
      send(new RegAck(register.topicId(), register.msgId(), ReturnCode.ACCEPTED));
    } else if (packet instanceof Publish publish) {
      onPublish(publish);
    } else if (packet instanceof PubRel rel) {
      // A copy of the PUBLISH may still be on its way: forget its id only once none can be.
      int msgId = rel.msgId();
      time.schedule(env.datagramLifetime(), () -> inboundExactlyOnce.remove(msgId));
      send(new PubComp(msgId));
    } else if (packet instanceof Disconnect) {
      lost("DISCONNECT from the gateway");
    }
    // Anything else is a late copy of an answer already taken.
  }

  private void answerWillQuestion(SnPacket question) {
    if (!plan.will() || (state != State.CONNECTING && state != State.ACTIVE)) {
      return;
    }
    if (state == State.CONNECTING) {
      exchange.progressed();
    }
    if (question instanceof WillTopicReq) {
      send(new WillTopic(SnQos.AT_LEAST_ONCE, plan.willRetain(), plan.willTopic()));
    } else {
      send(new WillMsg(episode.willPayload.getBytes(StandardCharsets.UTF_8)));
    }
  }

  private void onPublish(Publish publish) {
    String topic = topics.nameOf(publish.topic());
    if (topic == null) {
      send(new PubAck(SensorTopics.rawId(publish.topic()), publish.msgId(), ReturnCode.REJECTED_INVALID_TOPIC_ID));
      return;
    }
    Qos qos = toBroker(publish.qos());
    Message message = new Message(topic, publish.data(), qos, publish.retain());
    switch (publish.qos()) {
      case AT_LEAST_ONCE -> {
        env.ledger().received(name(), message, publish.retain(), time.nanos());
        send(new PubAck(SensorTopics.rawId(publish.topic()), publish.msgId(), ReturnCode.ACCEPTED));
      }
      case EXACTLY_ONCE -> {
        if (inboundExactlyOnce.add(publish.msgId())) {
          env.ledger().received(name(), message, publish.retain(), time.nanos());
        }
        send(new PubRec(publish.msgId()));
      }
      default -> env.ledger().received(name(), message, publish.retain(), time.nanos());
    }
  }

  // ---- helpers

  private void send(SnPacket packet) {
    lastSentNanos = time.nanos();
    if (packet instanceof Publish publish) {
      Publication publication = env.ledger().publication(new String(publish.data(), StandardCharsets.UTF_8));
      publication.sent(lastSentNanos);
    } else if (packet instanceof Disconnect disconnect && disconnect.sleepSeconds().isEmpty()) {
      episode.disconnectSent = true;
    }
    link.send(packet);
  }

  private Message willMessage() {
    return new Message(plan.willTopic(), episode.willPayload.getBytes(StandardCharsets.UTF_8),
        Qos.AT_LEAST_ONCE, plan.willRetain());
  }

  private int nextMsgId() {
    lastMsgId = lastMsgId == 0xFFFF ? 1 : lastMsgId + 1;
    return lastMsgId;
  }

  private void note(String what) {
    env.trace().add(time.nanos(), name(), what);
  }

  private static void cancel(Cancellable timer) {
    if (timer != null) {
      timer.cancel();
    }
  }

  private static SnQos toSn(Qos qos) {
    return switch (qos) {
      case AT_MOST_ONCE -> SnQos.AT_MOST_ONCE;
      case AT_LEAST_ONCE -> SnQos.AT_LEAST_ONCE;
      case EXACTLY_ONCE -> SnQos.EXACTLY_ONCE;
    };
  }

  private static Qos toBroker(SnQos qos) {
    return switch (qos) {
      case AT_LEAST_ONCE -> Qos.AT_LEAST_ONCE;
      case EXACTLY_ONCE -> Qos.EXACTLY_ONCE;
      default -> Qos.AT_MOST_ONCE;
    };
  }
}
