package org.sngw.mqtt;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttReasonCodes;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sngw.broker.Broker;
import org.sngw.broker.ClientHandle;
import org.sngw.broker.ConnectRequest;
import org.sngw.broker.Delivery;
import org.sngw.broker.PublishOutcome;
import org.sngw.broker.SessionSink;
import org.sngw.broker.Subscription;
import org.sngw.logging.RateLimitedWarning;
import org.sngw.message.Message;
import org.sngw.message.Qos;
import org.sngw.thread.OwnerThread;
import org.sngw.time.Clock;

/**
 * One connection's side of its broker session. Owned by the core thread: every method runs there,
 * handed over by {@link SessionHandler} or called back by the broker, so its fields need no locks.
 * Packets are written from the core thread and flushed once per burst.
 */
final class MqttSession implements SessionSink {
  private static final Logger log = LoggerFactory.getLogger(MqttSession.class);
  private static final Duration DROP_WARNING_INTERVAL = Duration.ofSeconds(10);

  private final Channel channel;
  private final Broker broker;
  private final Executor core;
  private final MqttStats stats;
  private final InboundBacklog backlog;
  private final ConnectionTerms terms;
  private final TopicAliases aliases;
  private final OwnerThread owner = new OwnerThread("an MQTT connection's session");
  private final RateLimitedWarning drops = new RateLimitedWarning(log, DROP_WARNING_INTERVAL, Clock.SYSTEM);
  private ClientHandle handle;
  /** Packets the broker sends from inside connect(): they must follow the CONNACK. */
  private List<Object> beforeConnAck = new ArrayList<>();
  /** Disconnected, lost or taken over: the broker is never told twice, nor about a new owner. */
  private boolean ended;
  /** Packets sent since the last flush, in order, and about how many bytes their PUBLISHes are. */
  private final List<Object> unflushed = new ArrayList<>();
  private long unflushedBytes;

  MqttSession(Channel channel, Broker broker, Executor core, MqttStats stats, InboundBacklog backlog,
      ConnectionTerms terms, TopicAliases aliases) {
    this.channel = channel;
    this.broker = broker;
    this.core = core;
    this.stats = stats;
    this.backlog = backlog;
    this.terms = terms;
    this.aliases = aliases;
  }

  /**
   * @param startFresh MQTT 5's clean start with a session that outlives the connection: whatever
   *     session the client id had is ended first
   */
  void connect(ConnectRequest request, boolean startFresh) {
    assert owner.isCurrent();
    if (!broker.mayConnect(request)) {
      // Another user's session, or a sensor's: CONNACK 5 (MQTT 5: 0x87), and the session stays its holder's.
      log.debug("client {} from {} refused: its session belongs to another client", request.clientId(),
          channel.remoteAddress());
      ended = true;
      channel.writeAndFlush(MqttPackets.refusal(ConnectRefusal.NOT_AUTHORIZED.code(terms.mqtt5()), terms.mqtt5(),
              "the session of this client id belongs to another client"))
          .addListener(ChannelFutureListener.CLOSE);
      return;
    }
    if (startFresh) {
      broker.disconnect(broker.connect(request.withCleanSession(true), SessionSink.NONE), true);
    }
    handle = broker.connect(request, this);
    List<Object> resent = beforeConnAck;
    beforeConnAck = null;
    send(terms.mqtt5() ? MqttPackets.connAck5(handle.sessionPresent(), terms)
        : MqttPackets.connAck(MqttConnectReturnCode.CONNECTION_ACCEPTED, handle.sessionPresent()));
    resent.forEach(this::send);
  }

  /**
   * Stays in the connection's backlog until the broker answers: a subscriber that holds answers
   * back (a full queue) slows this publisher down through TCP instead of the gateway buffering
   * what it sends.
   */
  void publish(int packetId, Message message) {
    assert owner.isCurrent();
    switch (message.qos()) {
      case AT_MOST_ONCE -> broker.publish(handle, message, outcome -> answered(outcome, message));
      case AT_LEAST_ONCE -> broker.publish(
          handle, message, outcome -> acknowledge(outcome, MqttMessageType.PUBACK, packetId, message));
      case EXACTLY_ONCE -> broker.publishExactlyOnce(
          handle, packetId, message, outcome -> acknowledge(outcome, MqttMessageType.PUBREC, packetId, message));
    }
  }

  /** PUBREL from the client: the inbound QoS 2 id is free again. */
  void releaseInbound(int packetId) {
    assert owner.isCurrent();
    boolean known = broker.releaseInbound(handle, packetId);
    byte notFound = MqttReasonCodes.PubComp.PACKET_IDENTIFIER_NOT_FOUND.byteValue();
    send(terms.mqtt5() && !known
        ? MqttPackets.reply5(MqttMessageType.PUBCOMP, packetId, notFound)
        : reply(MqttMessageType.PUBCOMP, packetId, PublishOutcome.ACCEPTED));
  }

  void acknowledged(int packetId) {
    assert owner.isCurrent();
    broker.acknowledged(handle, packetId);
  }

  void received(int packetId) {
    assert owner.isCurrent();
    broker.received(handle, packetId);
  }

  void completed(int packetId) {
    assert owner.isCurrent();
    broker.completed(handle, packetId);
  }

  void subscribe(int packetId, List<Subscription> subscriptions) {
    assert owner.isCurrent();
    // the SUBACK is written in granted, before the retained messages the broker delivers next
    broker.subscribe(handle, subscriptions, granted -> send(terms.mqtt5()
        ? MqttPackets.subAck(packetId, ReasonCodes.subAck(subscriptions, granted))
        : MqttPackets.subAck(packetId, granted)));
  }

  void unsubscribe(int packetId, List<String> filters) {
    assert owner.isCurrent();
    broker.unsubscribe(handle, filters, () -> send(terms.mqtt5()
        ? MqttPackets.unsubAck5(packetId, filters.size()) : MqttPackets.unsubAck(packetId)));
  }

  /** DISCONNECT from the client: the will is dropped. */
  void disconnect() {
    assert owner.isCurrent();
    if (!ended) {
      ended = true;
      broker.disconnect(handle, true);
    }
  }

  /** The channel closed without DISCONNECT: the will is published. */
  void connectionLost() {
    assert owner.isCurrent();
    if (!ended) {
      ended = true;
      broker.disconnect(handle, false);
    }
  }

  /**
   * QoS 0 goes out only while the connection's buffer is under its high-water mark: a subscriber
   * that reads slower than it is sent to loses its newest QoS 0 messages, counted, rather than
   * growing the buffer without end. QoS 1 and 2 are bounded by the in-flight window instead.
   */
  @Override
  public void deliver(Delivery delivery) {
    assert owner.isCurrent();
    if (MqttPackets.sizeOf(delivery) > terms.maxPacketToClient()) {
      tooLargeForClient(delivery);
      return;
    }
    if (delivery.message().qos() == Qos.AT_MOST_ONCE && !hasRoom() && beforeConnAck == null) {
      stats.qos0Dropped.increment();
      drops.warn("client {}: QoS 0 dropped, its connection is not reading fast enough", handle.clientId());
      return;
    }
    // Roughly what the PUBLISH takes in the connection's buffer: payload, topic and header.
    unflushedBytes += delivery.message().payload().length + delivery.message().topic().length() + 8;
    send(terms.mqtt5()
        ? MqttPackets.publish5(delivery, InstantSource.system(), aliases.toClient(delivery.message().topic()))
        : MqttPackets.publish(delivery));
  }

  /**
   * MQTT 5 [MQTT-3.1.2-25]: a packet over the client's Maximum Packet Size is discarded as if it
   * had been delivered, so its QoS 1/2 flow completes here and frees its window slot.
   */
  private void tooLargeForClient(Delivery delivery) {
    stats.tooLargeForClient.increment();
    drops.warn("client {}: a message to {} dropped, larger than the {} bytes the client takes", handle.clientId(),
        delivery.message().topic(), terms.maxPacketToClient());
    switch (delivery.message().qos()) {
      case AT_MOST_ONCE -> { }
      case AT_LEAST_ONCE -> core.execute(() -> broker.acknowledged(handle, delivery.packetId()));
      case EXACTLY_ONCE -> core.execute(() -> {
        broker.received(handle, delivery.packetId());
        broker.completed(handle, delivery.packetId());
      });
    }
  }

  /**
   * Under the high-water mark, counting what this burst will add when it is flushed. A burst
   * handed over but not yet written is not counted, so the buffer holds at most twice the mark.
   */
  private boolean hasRoom() {
    return channel.isWritable() && unflushedBytes < channel.bytesBeforeUnwritable();
  }

  @Override
  public void release(int packetId) {
    assert owner.isCurrent();
    send(reply(MqttMessageType.PUBREL, packetId, PublishOutcome.ACCEPTED));
  }

  @Override
  public void takenOver() {
    assert owner.isCurrent();
    ended = true;
    log.debug("client {} connected again elsewhere: closing {}", handle.clientId(), channel.remoteAddress());
    if (terms.mqtt5()) {
      send(MqttPackets.disconnect(MqttReasonCodes.Disconnect.SESSION_TAKEN_OVER,
          "another connection took the session over"));
      core.execute(() -> channel.eventLoop().execute(channel::close));
    } else {
      channel.close();
    }
  }

  /**
   * Acknowledges a QoS 1 or 2 publish once the broker says it is safe. MQTT 5 is told every
   * outcome by its reason code; MQTT 3.1.1 cannot be told no, so a denied publish is acknowledged
   * as 3.1.1 brokers do, and a refused one is not, for the client to send again later.
   */
  private void acknowledge(PublishOutcome outcome, MqttMessageType ack, int packetId, Message message) {
    if (terms.mqtt5() || outcome == PublishOutcome.ACCEPTED || outcome == PublishOutcome.DENIED) {
      send(reply(ack, packetId, outcome));
    }
    answered(outcome, message);
  }

  private Object reply(MqttMessageType type, int packetId, PublishOutcome outcome) {
    return terms.mqtt5() ? MqttPackets.reply5(type, packetId, ReasonCodes.of(outcome))
        : MqttPackets.reply(type, packetId);
  }

  private void answered(PublishOutcome outcome, Message message) {
    backlog.finished(InboundBacklog.sizeOf(message));
    handleRefusal(outcome);
  }

  private void handleRefusal(PublishOutcome outcome) {
    switch (outcome) {
      case ACCEPTED -> { }
      // no ack: the client keeps a QoS 1/2 message and resends it after reconnecting
      case CONGESTED -> log.debug("client {}: publish refused, broker congested", handle.clientId());
      case DENIED -> log.debug("client {}: publish denied by the access rules, dropped", handle.clientId());
      case INVALID_TOPIC -> {
        log.debug("client {}: broker refused the topic name, closing", handle.clientId());
        if (!terms.mqtt5()) {
          channel.close();
        }
      }
    }
  }

  private void send(Object packet) {
    if (beforeConnAck != null) {
      beforeConnAck.add(packet);
      return;
    }
    unflushed.add(packet);
    if (unflushed.size() == 1) {
      // queued behind the core's pending tasks, so one flush covers the whole burst
      core.execute(this::flush);
    }
  }

  /**
   * Hands the burst to the connection's I/O thread as one task. A write from this (the core)
   * thread would each become a task of its own there, with its wake-up: one per message.
   */
  private void flush() {
    Object[] burst = unflushed.toArray();
    unflushed.clear();
    unflushedBytes = 0;
    if (channel.eventLoop().inEventLoop()) {
      writeAndFlush(burst);
    } else {
      channel.eventLoop().execute(() -> writeAndFlush(burst));
    }
  }

  private void writeAndFlush(Object[] burst) {
    for (Object packet : burst) {
      channel.write(packet, channel.voidPromise());
    }
    channel.flush();
  }
}
