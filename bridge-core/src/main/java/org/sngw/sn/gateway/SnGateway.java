package org.sngw.sn.gateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sngw.broker.Broker;
import org.sngw.events.GatewayEvents;
import org.sngw.logging.RateLimitedWarning;
import org.sngw.message.Message;
import org.sngw.sn.codec.ReturnCode;
import org.sngw.sn.codec.SnPacket;
import org.sngw.sn.codec.SnPacket.Connect;
import org.sngw.sn.codec.SnPacket.Publish;
import org.sngw.sn.codec.SnQos;
import org.sngw.sn.codec.SnTopic;
import org.sngw.thread.OwnerThread;
import org.sngw.time.Clock;
import org.sngw.time.Scheduler;
import org.sngw.transport.PeerAddress;
import org.sngw.transport.Transport;
import org.sngw.transport.TransportListener;

/**
 * The MQTT-SN gateway: one {@link SnSession} per sensor address in front of the broker, plus what
 * needs no session (SEARCHGW, QoS -1 PUBLISH). Owned by the core loop, except {@link #listenerFor},
 * whose listener runs on the transport's thread and hands packets over.
 */
public final class SnGateway {
  private static final Logger log = LoggerFactory.getLogger(SnGateway.class);
  /** Packets one transport may get ahead of the core by before new ones are dropped (sensors resend). */
  private static final int MAX_BACKLOG = 65_536;

  private final Broker broker;
  private final MqttSnConfig config;
  private final PredefinedTopics predefined;
  private final SnStats stats = new SnStats();
  private final OwnerThread owner = new OwnerThread("the MQTT-SN sessions");
  private final SessionServices services;
  private final Map<PeerAddress, SnSession> sessions = new HashMap<>();
  private final Map<Transport, Integer> sessionsPerTransport = new HashMap<>();
  private final EndedSensors ended;
  private final RateLimitedWarning capacityWarning;
  private final RateLimitedWarning qosMinusOneWarning;
  private final RateLimitedWarning unlistedWarning;

  /**
   * @param store where persistent sensors' topic ids are kept
   * @param storedTopicIds the topic ids kept before this start, by client id
   */
  public SnGateway(
      Broker broker,
      MqttSnConfig config,
      Clock clock,
      Scheduler scheduler,
      TopicIdStore store,
      Map<String, Map<Integer, String>> storedTopicIds) {
    this(broker, config, clock, scheduler, store, storedTopicIds, GatewayEvents.NONE);
  }

  /** @param events told when a sensor connects and when it is lost (status LEDs, for one) */
  public SnGateway(
      Broker broker,
      MqttSnConfig config,
      Clock clock,
      Scheduler scheduler,
      TopicIdStore store,
      Map<String, Map<Integer, String>> storedTopicIds,
      GatewayEvents events) {
    this.broker = broker;
    this.config = config;
    this.predefined = new PredefinedTopics(config.predefinedTopics());
    this.services = new SessionServices(
        broker, config, clock, scheduler, new TopicRegistries(store, storedTopicIds), predefined, stats, events);
    this.ended = new EndedSensors(clock);
    this.capacityWarning = new RateLimitedWarning(log, Duration.ofSeconds(10), clock);
    this.qosMinusOneWarning = new RateLimitedWarning(log, Duration.ofSeconds(10), clock);
    this.unlistedWarning = new RateLimitedWarning(log, Duration.ofSeconds(10), clock);
  }

  /** The listener to start a transport with; it decodes on the transport's thread and hands over to {@code core}. */
  public TransportListener listenerFor(Transport transport, Executor core) {
    return new SnInbound(this, transport, core, stats, MAX_BACKLOG);
  }

  public SnStats stats() {
    return stats;
  }

  /** Sessions by transport and state, and the topics they registered; on the core loop. */
  public SnCensus census() {
    assert owner.isCurrent();
    Map<String, Map<String, Integer>> sensors = new HashMap<>();
    int registrations = 0;
    for (SnSession session : sessions.values()) {
      sensors.computeIfAbsent(session.transport().name(), name -> new HashMap<>())
          .merge(SnCensus.label(session.state()), 1, Integer::sum);
      if (session.connection() != null) {
        registrations += session.connection().topics().size();
      }
    }
    sensors.replaceAll((transport, states) -> Map.copyOf(states));
    return new SnCensus(sensors, registrations);
  }

  /**
   * Every sensor with a session and the {@link EndedSensors#KEPT} whose session ended last (unless
   * they have one again), by transport and client id; at most {@code limit} of them; on the core
   * loop.
   */
  public List<SensorView> sensors(int limit) {
    assert owner.isCurrent();
    List<SensorView> views = new ArrayList<>();
    Set<String> live = new HashSet<>();
    for (SnSession session : sessions.values()) {
      if (session.clientId() != null) {
        views.add(session.view());
        live.add(session.clientId());
      }
    }
    ended.views().stream().filter(view -> !live.contains(view.clientId())).forEach(views::add);
    return views.stream()
        .sorted(Comparator.comparing(SensorView::transport).thenComparing(SensorView::clientId))
        .limit(limit)
        .toList();
  }

  /** Sensors with a session (connecting or connected). */
  public int sessionCount() {
    return sessions.size();
  }

  /** One packet from a sensor, on the core loop. */
  void handle(Transport via, PeerAddress from, SnPacket packet) {
    assert owner.isCurrent();
    if (packet instanceof SnPacket.SearchGw) {
      new TransportLink(via, from, stats).send(SnPacket.GwInfo.fromGateway(config.gatewayId()));
    } else if (packet instanceof Publish publish && publish.qos() == SnQos.FIRE_AND_FORGET) {
      publishWithoutSession(from, publish);
    } else if (packet instanceof Connect connect) {
      SnSession session = sessions.get(from);
      if (!config.allowlist().allows(connect.clientId(), from)) {
        refuseUnlisted(via, from, connect.clientId());
        return;
      }
      if (session == null) {
        if (atSessionLimit(via)) {
          refuseForCapacity(via, from);
          return;
        }
        session = new SnSession(new TransportLink(via, from, stats), services, this::closed);
        sessions.put(from, session);
        sessionsPerTransport.merge(via, 1, Integer::sum);
      }
      session.handle(packet);
    } else if (packet instanceof SnPacket.Advertise || packet instanceof SnPacket.GwInfo) {
      log.debug("{} from {}: another gateway's discovery, ignored", packet.type(), from);
    } else {
      SnSession session = sessions.get(from);
      if (session != null) {
        session.handle(packet);
      } else {
        // Not connected: tell the sensor, so it connects again instead of talking into the void.
        new TransportLink(via, from, stats).send(SnPacket.Disconnect.plain());
      }
    }
  }

  private boolean atSessionLimit(Transport via) {
    return sessions.size() >= config.maxSessions()
        || sessionsPerTransport.getOrDefault(via, 0) >= config.maxSessionsPerTransport();
  }

  /**
   * Not on the allowlist: refused or ignored as configured, leaving no state; a connection already
   * accepted from that address stays as it was, as after any refused CONNECT.
   */
  private void refuseUnlisted(Transport via, PeerAddress from, String clientId) {
    stats.unlistedRefused.increment();
    unlistedWarning.warn("{} with client id {} refused: not on the mqtt-sn allowlist", from, clientId);
    if (!config.allowlist().ignoreUnlisted()) {
      new TransportLink(via, from, stats).send(new SnPacket.ConnAck(ReturnCode.REJECTED_NOT_SUPPORTED));
    }
  }

  /** MQTT-SN's answer to a gateway that cannot take one more client: try again after T_WAIT. */
  private void refuseForCapacity(Transport via, PeerAddress from) {
    stats.sessionsRefused.increment();
    capacityWarning.warn("{} refused with congestion: {} sessions, {} of them on {}, is the limit", from,
        sessions.size(), sessionsPerTransport.getOrDefault(via, 0), via.name());
    new TransportLink(via, from, stats).send(new SnPacket.ConnAck(ReturnCode.REJECTED_CONGESTION));
  }

  void peerLost(PeerAddress peer) {
    assert owner.isCurrent();
    SnSession session = sessions.get(peer);
    if (session != null) {
      session.linkLost();
    }
  }

  /** QoS -1: a predefined or short topic, from anyone, acknowledged to no one; off unless configured. */
  private void publishWithoutSession(PeerAddress from, Publish publish) {
    if (!config.qosMinusOne() || !config.allowlist().allowsWithoutConnection(from)) {
      stats.qosMinusOneRefused.increment();
      qosMinusOneWarning.warn("{} sent a QoS -1 PUBLISH to {}; dropped: mqtt-sn.qos-minus-one is off or the sender"
          + " is not on the allowlist", from, publish.topic());
      return;
    }
    String topic = null;
    if (publish.topic() instanceof SnTopic.Predefined id) {
      topic = predefined.nameOf(id.id());
    } else if (publish.topic() instanceof SnTopic.Short shortName) {
      topic = shortName.name();
    }
    if (topic == null) {
      log.debug("{} sent a QoS -1 PUBLISH to unknown topic {}; dropped", from, publish.topic());
      return;
    }
    broker.publish(null, new Message(topic, publish.data(), SnQosMapping.toBroker(publish.qos()), publish.retain()),
        outcome -> { });
  }

  /** A session is over: it leaves the map, and its transport's count. */
  private void closed(SnSession session) {
    if (session.wasConnected()) {
      ended.ended(session.view());
    }
    if (sessions.remove(session.peer(), session)) {
      sessionsPerTransport.computeIfPresent(session.transport(), (transport, n) -> n == 1 ? null : n - 1);
    }
  }
}
