package org.sngw.mqtt;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectPayload;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttConnectVariableHeader;
import io.netty.handler.codec.mqtt.MqttIdentifierRejectedException;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttUnacceptableProtocolVersionException;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.util.AttributeKey;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sngw.auth.Authenticator;
import org.sngw.broker.Broker;
import org.sngw.broker.BrokerConfig;
import org.sngw.broker.ClientIdentity;
import org.sngw.broker.ClientIds;
import org.sngw.broker.ConnectRequest;
import org.sngw.broker.SessionOptions;
import org.sngw.broker.topic.Topics;
import org.sngw.logging.RateLimitedWarning;
import org.sngw.message.Message;
import org.sngw.message.MessageProperties;
import org.sngw.message.Qos;
import org.sngw.time.Clock;

/**
 * The first packet of a connection, which must be a valid CONNECT. Runs on the channel's I/O
 * thread: it refuses what MQTT 3.1, 3.1.1 and 5 do not allow, arms the keep-alive timeout, hands the
 * CONNECT to a new {@link MqttSession} on the core thread and gives way to a {@link
 * SessionHandler}. Holds no per-connection state, so one instance serves every channel.
 */
@ChannelHandler.Sharable
final class ConnectHandler extends SimpleChannelInboundHandler<MqttMessage> {
  /** The pipeline slot of the CONNECT deadline, and of the keep-alive timer that takes its place. */
  static final String TIMEOUT = "timeout";
  /** Set on the channel of an accepted MQTT 5 client, which is told why the server closes it. */
  static final AttributeKey<Boolean> SPEAKS_MQTT_5 = AttributeKey.valueOf("sngw.mqtt5");

  private static final Logger log = LoggerFactory.getLogger(ConnectHandler.class);
  private static final int MQTT_3_1 = 3;
  private static final int MQTT_3_1_1 = 4;
  private static final int MQTT_5 = 5;

  private final BrokerConfig config;
  private final Authenticator access;
  private final Optional<ServerTls> tls;
  private final Broker broker;
  private final Executor core;
  private final MqttStats stats;
  private final ConnectionCounts counts;
  private final RateLimitedWarning fullWarning = new RateLimitedWarning(log, Duration.ofSeconds(10), Clock.SYSTEM);
  private final RateLimitedWarning loginWarning = new RateLimitedWarning(log, Duration.ofSeconds(10), Clock.SYSTEM);

  ConnectHandler(BrokerConfig config, Authenticator access, Broker broker, Executor core, MqttStats stats,
      ConnectionCounts counts, Optional<ServerTls> tls) {
    this.config = config;
    this.access = access;
    this.tls = tls;
    this.broker = broker;
    this.core = core;
    this.stats = stats;
    this.counts = counts;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, MqttMessage msg) {
    if (!ctx.channel().isActive()) {
      return; // refused or closed: packets decoded from the same read are not processed
    }
    if (msg.decoderResult().isFailure()) {
      refuseUndecodable(ctx, msg.decoderResult().cause());
    } else if (msg instanceof MqttConnectMessage connect) {
      connect(ctx, connect);
    } else {
      close(ctx, "first packet is " + msg.fixedHeader().messageType() + ", not CONNECT");
    }
  }

  private void connect(ChannelHandlerContext ctx, MqttConnectMessage connect) {
    MqttConnectVariableHeader header = connect.variableHeader();
    MqttConnectPayload payload = connect.payload();
    if (header.version() != MQTT_3_1 && header.version() != MQTT_3_1_1 && header.version() != MQTT_5) {
      refuse(ctx, false, ConnectRefusal.UNACCEPTABLE_VERSION, "protocol level " + header.version());
      return;
    }
    boolean mqtt5 = header.version() == MQTT_5;
    String clientId = payload.clientIdentifier();
    // MQTT 5 lets any empty client id have a server-chosen one; 3.1.1 only with a clean session.
    if (clientId.isEmpty() && !header.isCleanSession() && !mqtt5) {
      refuse(ctx, false, ConnectRefusal.IDENTIFIER_REJECTED, "empty client id, persistent session");
      return;
    }
    if (ClientIds.isReserved(clientId)) {
      refuse(ctx, mqtt5, ConnectRefusal.IDENTIFIER_REJECTED, "client id " + clientId + " is the gateway's own");
      return;
    }
    ConnectProperties asked = mqtt5 ? ConnectProperties.of(header, payload) : ConnectProperties.NONE;
    if (asked.authenticationMethod()) {
      // The place for an AUTH exchange (MQTT 5, 4.12): a method would be asked for here, before the login.
      refuse(ctx, true, ConnectRefusal.BAD_AUTHENTICATION_METHOD, "enhanced authentication is not offered");
      return;
    }
    Optional<Login> login = login(ctx, mqtt5, clientId, header, payload);
    if (login.isEmpty()) {
      return;
    }
    if (header.isWillFlag() && (header.willQos() > 2 || !Topics.isValidName(payload.willTopic()))) {
      close(ctx, "invalid will: topic '" + payload.willTopic() + "', QoS " + header.willQos());
      return;
    }
    if (!counts.tryConnect(ctx.channel(), config.maxConnections())) {
      stats.refusedConnected.increment();
      fullWarning.warn("MQTT client {} refused: {} clients are connected, the limit", clientId, config.maxConnections());
      refuse(ctx, mqtt5, ConnectRefusal.FULL, "as many clients are connected as the gateway takes");
      return;
    }
    Optional<String> assigned = clientId.isEmpty() ? Optional.of(generatedClientId()) : Optional.empty();
    ConnectRequest request = new ConnectRequest(
        assigned.orElse(clientId),
        mqtt5 ? asked.sessionExpiry().isZero() : header.isCleanSession(),
        will(header, payload),
        Duration.ofSeconds(header.keepAliveTimeSeconds()),
        Math.min(config.mqttInflightWindow(), asked.receiveMaximum()),
        mqtt5 ? SessionOptions.ORDINARY.withExpiry(asked.sessionExpiry()) : SessionOptions.ORDINARY,
        login.get().username(),
        ClientIdentity.Origin.MQTT,
        asked.willDelay());
    ConnectionTerms terms = mqtt5
        ? new ConnectionTerms(true, assigned, asked.maximumPacketSize(), config.maxMessageBytes())
        : ConnectionTerms.mqtt3(config.maxMessageBytes());
    // MQTT 5's clean start without session expiry zero: a fresh session that outlives the connection
    boolean startFresh = mqtt5 && header.isCleanSession() && !request.cleanSession();
    armKeepAlive(ctx.pipeline(), header.keepAliveTimeSeconds());
    if (mqtt5) {
      ctx.channel().attr(SPEAKS_MQTT_5).set(true);
    }
    InboundBacklog backlog = new InboundBacklog(ctx.channel());
    TopicAliases aliases = new TopicAliases(asked.topicAliasMaximum());
    MqttSession session = new MqttSession(ctx.channel(), broker, core, stats, backlog, terms, aliases);
    ctx.pipeline().addAfter(MqttPipeline.ENCODER, ProtocolLevel.NAME, ProtocolLevel.pinned(ctx.channel()));
    ctx.pipeline().replace(this, "session", new SessionHandler(session, core, backlog, mqtt5, aliases));
    core.execute(() -> session.connect(request, startFresh));
  }

  /** A client let in, as this user (none for an anonymous one). */
  private record Login(Optional<String> username) {}

  /**
   * How the client is let in, or empty when it is refused, which is answered here: 4 for a wrong
   * name or password, 5 for a client that must have one. A verified client certificate on a
   * listener that takes its CN for the username needs no password.
   */
  private Optional<Login> login(ChannelHandlerContext ctx, boolean mqtt5, String clientId,
      MqttConnectVariableHeader header, MqttConnectPayload payload) {
    Optional<String> certified =
        tls.flatMap(server -> server.certificateUsername(ctx.pipeline().get(SslHandler.class)));
    if (certified.isPresent()) {
      return Optional.of(new Login(certified));
    }
    Optional<String> username = header.hasUserName() ? Optional.of(payload.userName()) : Optional.empty();
    Optional<byte[]> password = header.hasPassword() ? Optional.of(payload.passwordInBytes()) : Optional.empty();
    Authenticator.Verdict verdict = access.check(username, password);
    if (verdict == Authenticator.Verdict.ACCEPTED) {
      return Optional.of(new Login(username));
    }
    stats.refusedLogins.increment();
    boolean bad = verdict == Authenticator.Verdict.BAD_CREDENTIALS;
    loginWarning.warn("MQTT client {} from {} refused: {}", clientId, ctx.channel().remoteAddress(),
        bad ? "bad username or password for user " + username.orElse("") : "not authorized (anonymous)");
    refuse(ctx, mqtt5, bad ? ConnectRefusal.BAD_CREDENTIALS : ConnectRefusal.NOT_AUTHORIZED,
        bad ? "bad username or password" : "a username and password are required");
    return Optional.empty();
  }

  private static Optional<Message> will(MqttConnectVariableHeader header, MqttConnectPayload payload) {
    if (!header.isWillFlag()) {
      return Optional.empty();
    }
    MessageProperties properties = header.version() == MQTT_5
        ? PublishProperties.read(payload.willProperties(), InstantSource.system()) : MessageProperties.NONE;
    return Optional.of(new Message(payload.willTopic(), payload.willMessageInBytes(), Qos.of(header.willQos()),
        header.isWillRetain(), properties));
  }

  /** MQTT allows one and a half keep-alive periods of silence; 0 turns the check off. */
  private static void armKeepAlive(ChannelPipeline pipeline, int keepAliveSeconds) {
    if (keepAliveSeconds == 0) {
      pipeline.remove(TIMEOUT);
    } else {
      pipeline.replace(TIMEOUT, TIMEOUT, new ReadTimeoutHandler(keepAliveSeconds * 1500L, TimeUnit.MILLISECONDS));
    }
  }

  /** The client id MQTT 3.1.1 (with a clean session) and MQTT 5 let the server choose for an empty one. */
  private static String generatedClientId() {
    return "auto-" + UUID.randomUUID();
  }

  /**
   * The decoder names the two CONNECT faults that deserve a CONNACK; any other closes. Its version
   * is not known here, so the answer is 3.1.1's, which MQTT 5 clients read too for these two.
   */
  private static void refuseUndecodable(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof MqttUnacceptableProtocolVersionException) {
      refuse(ctx, false, ConnectRefusal.UNACCEPTABLE_VERSION, cause.getMessage());
    } else if (cause instanceof MqttIdentifierRejectedException) {
      refuse(ctx, false, ConnectRefusal.IDENTIFIER_REJECTED, cause.getMessage());
    } else {
      close(ctx, "undecodable first packet: " + cause);
    }
  }

  private static void refuse(ChannelHandlerContext ctx, boolean mqtt5, ConnectRefusal refusal, String reason) {
    MqttConnectReturnCode code = refusal.code(mqtt5);
    log.debug("refusing {}: {} ({})", ctx.channel().remoteAddress(), code, reason);
    ctx.writeAndFlush(MqttPackets.refusal(code, mqtt5, reason), ctx.voidPromise());
    ctx.close();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    close(ctx, cause.toString());
  }

  private static void close(ChannelHandlerContext ctx, String reason) {
    log.debug("closing {}: {}", ctx.channel().remoteAddress(), reason);
    ctx.close();
  }
}
