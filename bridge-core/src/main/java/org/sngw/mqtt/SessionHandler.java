package org.sngw.mqtt;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttReasonCodes;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttSubscriptionOption;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import io.netty.handler.timeout.ReadTimeoutException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sngw.broker.Subscription;
import org.sngw.broker.topic.Topics;
import org.sngw.message.Message;
import org.sngw.message.MessageProperties;
import org.sngw.message.Qos;

/**
 * The packets of a connected client, one method per packet type. Runs on the channel's I/O
 * thread and touches no broker state: it checks each packet, turns it into plain values and
 * hands the work to its {@link MqttSession} on the core thread, counted in its
 * {@link InboundBacklog} so a client that sends faster than the core works is no longer read.
 * The payload is copied out and the Netty message released when this handler returns.
 */
final class SessionHandler extends SimpleChannelInboundHandler<MqttMessage> {
  private static final Logger log = LoggerFactory.getLogger(SessionHandler.class);

  private final MqttSession session;
  private final Executor core;
  private final InboundBacklog backlog;
  private final boolean mqtt5;
  private final TopicAliases aliases;
  /** Work for the core from the packets of the current read; owned by the I/O thread. */
  private final List<Runnable> forCore = new ArrayList<>();

  SessionHandler(MqttSession session, Executor core, InboundBacklog backlog, boolean mqtt5, TopicAliases aliases) {
    this.session = session;
    this.core = core;
    this.backlog = backlog;
    this.mqtt5 = mqtt5;
    this.aliases = aliases;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, MqttMessage msg) {
    if (!ctx.channel().isActive()) {
      return; // closing: packets decoded from the same read are not processed
    }
    if (msg.decoderResult().isFailure()) {
      Throwable cause = msg.decoderResult().cause();
      disconnect(ctx, cause instanceof TooLongFrameException ? MqttReasonCodes.Disconnect.PACKET_TOO_LARGE
          : MqttReasonCodes.Disconnect.MALFORMED_PACKET, "undecodable packet: " + cause);
      return;
    }
    switch (msg.fixedHeader().messageType()) {
      case PUBLISH -> publish(ctx, (MqttPublishMessage) msg);
      case PUBACK -> pubAck(msg);
      case PUBREC -> pubRec(msg);
      case PUBREL -> pubRel(msg);
      case PUBCOMP -> pubComp(msg);
      case SUBSCRIBE -> subscribe(ctx, (MqttSubscribeMessage) msg);
      case UNSUBSCRIBE -> unsubscribe(ctx, (MqttUnsubscribeMessage) msg);
      case PINGREQ -> ctx.writeAndFlush(MqttPackets.PINGRESP, ctx.voidPromise());
      case DISCONNECT -> clientDisconnected(ctx, msg);
      case CONNECT -> disconnect(ctx, MqttReasonCodes.Disconnect.PROTOCOL_ERROR, "a second CONNECT");
      default -> disconnect(ctx, MqttReasonCodes.Disconnect.PROTOCOL_ERROR, "unexpected " + msg.fixedHeader().messageType());
    }
  }

  private void publish(ChannelHandlerContext ctx, MqttPublishMessage publish) {
    if (publish.fixedHeader().isDup() && publish.fixedHeader().qosLevel().value() == 0) {
      close(ctx, "PUBLISH with QoS 0 and DUP set"); // [MQTT-3.3.1-2]
      return;
    }
    String topic = publish.variableHeader().topicName();
    if (mqtt5) {
      try {
        topic = aliases.fromClient(topic, topicAlias(publish.variableHeader().properties()));
      } catch (TopicAliases.InvalidAlias e) {
        disconnect(ctx, MqttReasonCodes.Disconnect.TOPIC_ALIAS_INVALID, e.getMessage());
        return;
      }
    }
    if (!Topics.isValidName(topic)) {
      disconnect(ctx, MqttReasonCodes.Disconnect.TOPIC_NAME_INVALID, "invalid topic name in PUBLISH: '" + topic + "'");
      return;
    }
    Message message = new Message(
        topic,
        ByteBufUtil.getBytes(publish.payload()),
        Qos.of(publish.fixedHeader().qosLevel().value()),
        publish.fixedHeader().isRetain(),
        mqtt5 ? PublishProperties.read(publish.variableHeader().properties(), InstantSource.system()) : MessageProperties.NONE);
    int packetId = publish.variableHeader().packetId();
    // finished when the broker answers, not when the task has run: see MqttSession.publish
    backlog.added(InboundBacklog.sizeOf(message));
    forCore.add(() -> session.publish(packetId, message));
  }

  private void pubAck(MqttMessage msg) {
    int packetId = packetId(msg);
    toCore(0, () -> session.acknowledged(packetId));
  }

  private void pubRec(MqttMessage msg) {
    int packetId = packetId(msg);
    toCore(0, () -> session.received(packetId));
  }

  private void pubRel(MqttMessage msg) {
    int packetId = packetId(msg);
    toCore(0, () -> session.releaseInbound(packetId));
  }

  private void pubComp(MqttMessage msg) {
    int packetId = packetId(msg);
    toCore(0, () -> session.completed(packetId));
  }

  private void subscribe(ChannelHandlerContext ctx, MqttSubscribeMessage subscribe) {
    List<MqttTopicSubscription> requested = subscribe.payload().topicSubscriptions();
    if (requested.isEmpty()) {
      close(ctx, "SUBSCRIBE without a topic filter");
      return;
    }
    List<Subscription> subscriptions = new ArrayList<>(requested.size());
    int size = 0;
    int identifier = mqtt5 ? subscriptionIdentifier(subscribe.idAndPropertiesVariableHeader().properties()) : 0;
    for (MqttTopicSubscription s : requested) {
      MqttSubscriptionOption option = s.option();
      subscriptions.add(new Subscription(s.topicFilter(), Qos.of(s.qualityOfService().value()),
          retainHandling(option.retainHandling()), option.isNoLocal(), option.isRetainAsPublished(), identifier));
      size += s.topicFilter().length();
    }
    int packetId = subscribe.variableHeader().messageId();
    toCore(size, () -> session.subscribe(packetId, subscriptions));
  }

  private void unsubscribe(ChannelHandlerContext ctx, MqttUnsubscribeMessage unsubscribe) {
    List<String> filters = List.copyOf(unsubscribe.payload().topics());
    if (filters.isEmpty()) {
      close(ctx, "UNSUBSCRIBE without a topic filter");
      return;
    }
    int packetId = unsubscribe.variableHeader().messageId();
    int size = filters.stream().mapToInt(String::length).sum();
    toCore(size, () -> session.unsubscribe(packetId, filters));
  }

  private static int topicAlias(MqttProperties properties) {
    return PropertyValues.integer(properties, MqttProperties.TOPIC_ALIAS).orElse(0);
  }

  /** MQTT 5 is told why its connection is closed; MQTT 3.1.1 is just closed. */
  private void disconnect(ChannelHandlerContext ctx, MqttReasonCodes.Disconnect reason, String detail) {
    log.debug("closing {}: {}", ctx.channel().remoteAddress(), detail);
    if (mqtt5) {
      ctx.writeAndFlush(MqttPackets.disconnect(reason, detail)).addListener(ChannelFutureListener.CLOSE);
    } else {
      ctx.close();
    }
  }

  /** MQTT 5's Subscription Identifier of a SUBSCRIBE, for every filter in it; 0 for none (or one out of range). */
  private static int subscriptionIdentifier(MqttProperties properties) {
    return PropertyValues.integer(properties, MqttProperties.SUBSCRIPTION_IDENTIFIER)
        .filter(id -> id > 0 && id <= Subscription.MAX_IDENTIFIER)
        .orElse(0);
  }

  /** MQTT 3.1.1 and 5 alike: a new subscription's retained messages are sent at SUBSCRIBE unless asked otherwise. */
  private static Subscription.RetainHandling retainHandling(MqttSubscriptionOption.RetainedHandlingPolicy policy) {
    return switch (policy) {
      case SEND_AT_SUBSCRIBE -> Subscription.RetainHandling.ALWAYS;
      case SEND_AT_SUBSCRIBE_IF_NOT_YET_EXISTS -> Subscription.RetainHandling.IF_NEW;
      case DONT_SEND_AT_SUBSCRIBE -> Subscription.RetainHandling.NEVER;
    };
  }

  /** The client's DISCONNECT: the will is dropped, unless an MQTT 5 client asks for it with reason code 0x04. */
  private void clientDisconnected(ChannelHandlerContext ctx, MqttMessage msg) {
    boolean withWill = msg.variableHeader() instanceof MqttReasonCodeAndPropertiesVariableHeader reason
        && reason.reasonCode() == MqttReasonCodes.Disconnect.DISCONNECT_WITH_WILL_MESSAGE.byteValue();
    forCore.add(withWill ? session::connectionLost : session::disconnect);
    ctx.close();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    // after a DISCONNECT or a take-over the session ignores this; otherwise the will fires
    forCore.add(session::connectionLost);
    handOver();
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof ReadTimeoutException && ctx.channel().isActive()) {
      // MQTT 5 says why: the client knows to reconnect rather than suspect the network
      disconnect(ctx, MqttReasonCodes.Disconnect.KEEP_ALIVE_TIMEOUT, "keep-alive expired");
    } else {
      close(ctx, cause.toString());
    }
  }

  /** Hands a packet's work to the core, counted in the backlog until it has run. */
  private void toCore(int size, Runnable work) {
    backlog.added(size);
    forCore.add(() -> {
      try {
        work.run();
      } finally {
        backlog.finished(size);
      }
    });
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    handOver();
    ctx.fireChannelReadComplete();
  }

  /**
   * The work of the packets of one read, in their order, as one core task: a task each would cost
   * the core loop's queue and wake-up once per packet.
   */
  private void handOver() {
    if (forCore.isEmpty()) {
      return;
    }
    Runnable[] batch = forCore.toArray(Runnable[]::new);
    forCore.clear();
    core.execute(() -> {
      for (Runnable work : batch) {
        try {
          work.run();
        } catch (RuntimeException e) {
          // A bug must cost one packet, not the ones read with it.
          log.error("handling an MQTT client's packet failed", e);
        }
      }
    });
  }

  private static int packetId(MqttMessage msg) {
    if (msg.variableHeader() instanceof MqttMessageIdVariableHeader id) {
      return id.messageId();
    }
    throw new IllegalStateException("no packet id in " + msg.fixedHeader().messageType());
  }

  private static void close(ChannelHandlerContext ctx, String reason) {
    log.debug("closing {}: {}", ctx.channel().remoteAddress(), reason);
    ctx.close();
  }
}
