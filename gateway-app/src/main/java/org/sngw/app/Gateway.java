package org.sngw.app;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sngw.app.cli.Version;
import org.sngw.app.status.RecentWarnings;
import org.sngw.app.status.StatusPage;
import org.sngw.app.status.StatusSources;
import org.sngw.auth.AclFile;
import org.sngw.auth.Authenticator;
import org.sngw.auth.PasswordFile;
import org.sngw.bridge.Bridge;
import org.sngw.bridge.BridgeState;
import org.sngw.bridge.hivemq.HiveMqLinks;
import org.sngw.broker.AccessRules;
import org.sngw.broker.BrokerCore;
import org.sngw.broker.ClientIdentity;
import org.sngw.broker.StatusTopic;
import org.sngw.config.BridgeConfig;
import org.sngw.config.ExtensionPlan;
import org.sngw.config.GatewayConfig;
import org.sngw.config.ListenAddress;
import org.sngw.config.MqttTlsConfig;
import org.sngw.config.StatusConfig;
import org.sngw.config.TransportPlan;
import org.sngw.events.GatewayEvents;
import org.sngw.message.Message;
import org.sngw.message.Qos;
import org.sngw.metrics.GatewayMetrics;
import org.sngw.http.MetricsEndpoint;
import org.sngw.metrics.SysTopics;
import org.sngw.mqtt.MqttFraming;
import org.sngw.mqtt.MqttListener;
import org.sngw.mqtt.MqttStats;
import org.sngw.mqtt.ServerTls;
import org.sngw.runtime.CoreLoop;
import org.sngw.runtime.Extension;
import org.sngw.runtime.ExtensionContext;
import org.sngw.runtime.IoLoops;
import org.sngw.runtime.StartException;
import org.sngw.runtime.TransportContext;
import org.sngw.sn.codec.SnMalformed;
import org.sngw.sn.gateway.Advertiser;
import org.sngw.sn.gateway.MqttSnConfig;
import org.sngw.sn.gateway.SensorAllowlist;
import org.sngw.sn.gateway.SensorSessionSharing;
import org.sngw.sn.gateway.SensorTopics;
import org.sngw.sn.gateway.SnCensus;
import org.sngw.sn.gateway.SnGateway;
import org.sngw.store.InMemoryStore;
import org.sngw.store.StateStore;
import org.sngw.store.StoredState;
import org.sngw.store.mvstore.MvStateStore;
import org.sngw.transport.Transport;

/**
 * The running gateway: wires the core loop, the store, the broker, the MQTT-SN gateway, its
 * transports and the MQTT listener from one {@link GatewayConfig}, and takes them down in reverse
 * order: listeners first, then whatever the core still has queued, then the store, then the core.
 */
public final class Gateway implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Gateway.class);
  static final String STORE_STATE_TOPIC = "$SYS/broker/store/state";
  /** How soon a change of state shows in its $SYS topic. */
  private static final Duration STATUS_PERIOD = Duration.ofSeconds(5);
  /** How long a stopping bridge may take to say goodbye upstream. */
  private static final Duration BRIDGE_STOP_TIMEOUT = Duration.ofSeconds(5);

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final GatewayMetrics metrics = new GatewayMetrics();
  private final CoreLoop core = new CoreLoop();
  private final Map<String, Bridge> bridges = new LinkedHashMap<>();
  private final List<Transport> transports = new ArrayList<>();
  private final CompletableFuture<Void> shutdownRequested = new CompletableFuture<>();
  private GatewayEvents events = GatewayEvents.NONE;
  private StateStore store;
  /** The store on disk; null when state is kept in memory only. */
  private MvStateStore disk;
  private BrokerCore broker;
  private SnGateway snGateway;
  private CoreCensus census;
  private InetSocketAddress mqttAddress;
  private Authenticator mqttAccess;
  private AclFile acl;
  /** Every client's rights: the ACL file's, or the defaults, with the sensors' own. */
  private AccessRules accessRules;
  /** The TLS listeners' certificates, which SIGHUP reads again. */
  private final List<ServerTls> serverTls = new ArrayList<>();
  private InetSocketAddress mqttTlsAddress;
  private InetSocketAddress webSocketAddress;
  private InetSocketAddress webSocketTlsAddress;
  private InetSocketAddress metricsAddress;
  private InetSocketAddress statusAddress;

  private Gateway() {
    started.push(core);
  }

  /**
   * Starts everything or nothing.
   *
   * @throws StartException naming what could not start (a port in use, an unwritable data
   *     directory, a damaged store), in the one line the user sees; whatever had started is closed
   *     again
   */
  public static Gateway start(GatewayConfig config) throws StartException {
    prepareDataDir(config);
    Gateway gateway = new Gateway();
    try {
      gateway.startExtensions(config);
      gateway.openStore(config);
      gateway.startListeners(config);
      gateway.events.started();
      return gateway;
    } catch (StartException | RuntimeException e) {
      gateway.close();
      throw e;
    }
  }

  private void openStore(GatewayConfig config) throws StartException {
    disk = config.store().persistent() ? openDisk(config) : null;
    store = disk != null ? disk : new InMemoryStore();
    AccessRules access = accessRules(config);
    accessRules = access;
    StoredState stored = store.load();
    // Broker and gateway state belong to the core loop from birth: build them there.
    CompletableFuture.runAsync(() -> {
      broker = new BrokerCore(config.broker(), store, stored.broker(), core, InstantSource.system(), access);
      snGateway = new SnGateway(broker, config.mqttSn(), core, core, store, stored.topicIds(), events);
    }, core).join();
    census = new CoreCensus(broker, snGateway, core, STATUS_PERIOD);
    core.execute(census::start);
    started.push(() -> CompletableFuture.runAsync(census::stop, core).join());
    if (disk != null) {
      announceStoreState(disk);
    }
    log.info("state: {} ({} persistent sessions, {} retained messages restored)",
        config.store().persistent() ? config.dataDir().resolve("state.mv.db") : "in memory only",
        stored.broker().sessions().size(), stored.broker().retained().size());
  }

  /**
   * The ACL file's rules, or by default anything but publishing to the gateway's $ topics; sensors
   * are held to their topics too, and their sessions pass to the MQTT users their allowlist
   * entries name.
   */
  private AccessRules accessRules(GatewayConfig config) throws StartException {
    AccessRules rules = AccessRules.DEFAULT;
    if (config.access().aclFile().isPresent()) {
      acl = AclFile.read(config.access().aclFile().get());
      log.info("topic access from {}", acl.source());
      rules = acl;
    }
    if (!config.mqttSn().sensorTopics().equals(SensorTopics.ANY)) {
      rules = AccessRules.allOf(rules, new SensorTopics(config.mqttSn().sensorTopics()));
    }
    SensorAllowlist allowlist = config.mqttSn().allowlist();
    return allowlist.sharesSessions() ? new SensorSessionSharing(rules, allowlist) : rules;
  }

  private MvStateStore openDisk(GatewayConfig config) throws StartException {
    MvStateStore opened = MvStateStore.open(config.dataDir(), config.store().recover(), core);
    started.push(() -> closeStore(opened));
    metrics.counter("sngw.store.syncs", "disk syncs of the store (group commits)", opened::syncs);
    metrics.counter("sngw.store.changes", "changes written to the store", opened::changesWritten);
    metrics.gauge("sngw.store.file.bytes", "size of the store file", opened::fileSizeBytes);
    metrics.gauge("sngw.store.write.failing", "1 while writes fail (a full disk?): no QoS 1/2 is acknowledged",
        () -> opened.writeFailing() ? 1 : 0);
    metrics.counter("sngw.store.write.failures", "attempts to write the store that failed", opened::failedWrites);
    return opened;
  }

  /**
   * $SYS/broker/store/state: "ok", or "failing" while the store cannot write; stopped before the
   * store closes. A failing store is told to the events at each look, every {@link #STATUS_PERIOD}.
   */
  private void announceStoreState(MvStateStore onDisk) {
    StatusTopic storeState = new StatusTopic(broker, core, STORE_STATE_TOPIC, () -> {
      if (!onDisk.writeFailing()) {
        return "ok";
      }
      events.storeError();
      return "failing";
    }, STATUS_PERIOD);
    core.execute(storeState::start);
    started.push(() -> CompletableFuture.runAsync(storeState::stop, core).join());
  }

  /**
   * First, so a status LED blinks while a large store loads and sees every listener come up; closed
   * last but for the core, so it stays lit until the gateway has stopped listening. Written before
   * any core task that reads {@link #events} is submitted.
   */
  private void startExtensions(GatewayConfig config) {
    List<GatewayEvents> listening = new ArrayList<>();
    ExtensionContext context = new ExtensionContext(config.bridges().stream().map(BridgeConfig::name).toList(),
        this::publishRetained, () -> shutdownRequested.complete(null),
        (name, filter, received) -> core.execute(() -> LocalSubscription.open(broker, name, filter, received)));
    for (ExtensionPlan plan : config.extensions()) {
      Extension extension = plan.start(context);
      started.push(extension);
      listening.add(extension.events());
    }
    events = GatewayEvents.allOf(listening);
  }

  /** A retained message from the gateway itself, as its $SYS topics are; from any thread. */
  private void publishRetained(String topic, String text) {
    Message message = new Message(topic, text.getBytes(StandardCharsets.UTF_8), Qos.AT_MOST_ONCE, true);
    core.execute(() -> broker.publish(null, message, outcome -> { }));
  }

  private void startListeners(GatewayConfig config) throws StartException {
    IoLoops io = IoLoops.create(Runtime.getRuntime().availableProcessors());
    started.push(io);
    if (!io.isEpoll()) {
      log.info("network I/O on Java NIO: Netty's native epoll is not available ({})", IoLoops.whyNotEpoll());
    }
    startTransports(config.transports(), new TransportContext(io, core, core, events));
    startAdvertising(config.mqttSn());
    mqttAccess = mqttAccess(config);
    MqttListener mqtt =
        new MqttListener(config.mqtt(), config.broker(), mqttAccess, broker, core, io, Optional.empty());
    started.push(mqtt::close);
    mqttAddress = startListener("mqtt", mqtt);
    List<MqttListener> mqttListeners = new ArrayList<>(List.of(mqtt));
    if (config.mqttTls().isPresent()) {
      mqttTlsAddress = startTls("mqtt-tls", config, config.mqttTls().get(), MqttFraming.TCP, io, mqttListeners);
    }
    if (config.websocket().isPresent()) {
      webSocketAddress = startAnotherListener("websocket", config, config.websocket().get(), Optional.empty(),
          MqttFraming.WEBSOCKET, io, mqttListeners);
    }
    if (config.websocketTls().isPresent()) {
      webSocketTlsAddress = startTls("websocket-tls", config, config.websocketTls().get(), MqttFraming.WEBSOCKET, io,
          mqttListeners);
    }
    registerMetrics(mqttListeners);
    startBridges(config);
    if (config.metrics().isPresent()) {
      startMetricsEndpoint(config.metrics().get());
    }
    if (config.status().isPresent()) {
      startStatusPage(config, config.status().get());
    }
    startSysTopics(config.broker().sysInterval());
  }

  /** Last, so every metric is registered; stopped before the listeners close. */
  private void startSysTopics(Duration interval) {
    if (interval.isZero()) {
      return;
    }
    SysTopics sys = new SysTopics(broker, core, metrics, census::take, Version.text(), interval);
    core.execute(sys::start);
    started.push(() -> CompletableFuture.runAsync(sys::stop, core).join());
  }

  private InetSocketAddress startTls(String name, GatewayConfig config, MqttTlsConfig tls, MqttFraming framing,
      IoLoops io, List<MqttListener> all) throws StartException {
    ServerTls server = ServerTls.open(tls);
    serverTls.add(server);
    return startAnotherListener(name, config, tls.bind(), Optional.of(server), framing, io, all);
  }

  /**
   * A listener beside the plain MQTT one, added to {@code all}: the same users, broker and limits,
   * and the anonymous rule of its own address (one on the network does not inherit loopback's).
   */
  private InetSocketAddress startAnotherListener(String name, GatewayConfig config, ListenAddress bind,
      Optional<ServerTls> tls, MqttFraming framing, IoLoops io, List<MqttListener> all) throws StartException {
    Authenticator access = mqttAccess.forAnotherListener(config.access(), isLoopback(bind));
    MqttListener listener = new MqttListener(bind, config.broker(), access, broker, core, io, tls, framing);
    started.push(listener::close);
    all.add(listener);
    return startListener(name, listener);
  }

  private InetSocketAddress startListener(String name, MqttListener listener) throws StartException {
    try {
      InetSocketAddress address = listener.start();
      events.listenerUp(name);
      return address;
    } catch (StartException | RuntimeException e) {
      events.listenerDown(name);
      throw e;
    }
  }

  /** One count over every MQTT listener, plain and TLS: the metric names stay those of one listener. */
  private static long sum(List<MqttListener> listeners, ToLongFunction<MqttStats> count) {
    return listeners.stream().mapToLong(listener -> count.applyAsLong(listener.stats())).sum();
  }

  /** Mosquitto 2.0's rule: anonymous clients only on loopback, unless the config says otherwise. */
  private static Authenticator mqttAccess(GatewayConfig config) throws StartException {
    Optional<PasswordFile> passwords = config.access().passwordFile().isPresent()
        ? Optional.of(PasswordFile.read(config.access().passwordFile().get()))
        : Optional.empty();
    return Authenticator.forListener(config.access(), passwords, isLoopback(config.mqtt()));
  }

  private static boolean isLoopback(ListenAddress listener) {
    InetSocketAddress bind = listener.toSocketAddress();
    return !bind.isUnresolved() && bind.getAddress().isLoopbackAddress();
  }

  /** Whatever transports are configured, each found through its module's provider. */
  private void startTransports(List<TransportPlan> plans, TransportContext context) throws StartException {
    for (TransportPlan plan : plans) {
      Transport opened = plan.open(context);
      Transport transport = events == GatewayEvents.NONE ? opened : new ObservedTransport(opened, events);
      // Closed even if start fails half way: close is idempotent and frees what start took.
      started.push(transport);
      try {
        transport.start(snGateway.listenerFor(transport, core));
      } catch (StartException | RuntimeException e) {
        events.listenerDown(transport.name());
        throw e;
      }
      events.listenerUp(transport.name());
      transports.add(transport);
      metrics.transport(transport.stats());
    }
  }

  /** After the transports, so the first ADVERTISE finds them; stopped before they close. */
  private void startAdvertising(MqttSnConfig sn) {
    if (sn.advertiseInterval().isEmpty()) {
      List<String> broadcasting = transports.stream().filter(Transport::canBroadcast).map(Transport::name).toList();
      if (!broadcasting.isEmpty()) {
        log.info("{} can broadcast but no advertise interval is set: nothing is broadcast", broadcasting);
      }
      return;
    }
    Advertiser advertiser = new Advertiser(sn.gatewayId(), sn.advertiseInterval().get(), transports, core);
    core.execute(advertiser::start);
    started.push(() -> CompletableFuture.runAsync(advertiser::stop, core).join());
  }

  private void registerMetrics(List<MqttListener> mqtt) {
    metrics.counter("sngw.sn.frames.malformed", "frames that are not MQTT-SN", snGateway.stats()::malformedFrames);
    for (SnMalformed.Reason reason : SnMalformed.Reason.values()) {
      metrics.counter("sngw.sn.malformed", "frames that are not MQTT-SN, by the rule they break", "reason",
          reason.label(), () -> snGateway.stats().malformedFrames(reason));
    }
    metrics.counter("sngw.sn.frames.overload", "frames dropped: core loop behind", snGateway.stats()::overloadDrops);
    metrics.counter("sngw.sn.qos_minus_one.refused", "QoS -1 PUBLISHes dropped: mqtt-sn.qos-minus-one is off",
        snGateway.stats()::qosMinusOneRefused);
    metrics.counter("sngw.sn.sensors.unlisted", "CONNECTs refused or ignored: the sensor is not on the allowlist",
        snGateway.stats()::unlistedRefused);
    metrics.counter("sngw.sn.pending.dropped", "QoS 0 messages dropped: sensor buffer full",
        snGateway.stats()::pendingDrops);
    metrics.gauge("sngw.sn.sessions", "sensors with a session", snGateway::sessionCount);
    for (String state : SnCensus.STATES) {
      metrics.gauges("sngw.sn.sensors." + state, "sensors whose session is " + state + ", by transport", "transport",
          () -> census.sensors().inState(state));
    }
    metrics.gauge("sngw.sn.registrations", "topic names the connected sensors registered",
        () -> census.sensors().registrations());
    metrics.counter("sngw.sn.bytes.received", "bytes of every frame from sensors", snGateway.stats()::bytesReceived);
    metrics.counter("sngw.sn.bytes.sent", "bytes of every frame to sensors", snGateway.stats()::bytesSent);
    metrics.counter("sngw.sn.sessions.refused", "CONNECTs refused: as many sessions as allowed",
        snGateway.stats()::sessionsRefused);
    metrics.counter("sngw.mqtt.qos0.dropped", "QoS 0 messages dropped: a subscriber's connection buffer was full",
        () -> sum(mqtt, MqttStats::qos0Dropped));
    metrics.counter("sngw.mqtt.too_large_for_client",
        "messages not sent to an MQTT 5 client: larger than the maximum packet size it asked for",
        () -> sum(mqtt, MqttStats::tooLargeForClient));
    metrics.counter("sngw.mqtt.connections.refused.pending", "TCP connections closed at accept: too many without CONNECT",
        () -> sum(mqtt, MqttStats::refusedPending));
    metrics.counter("sngw.mqtt.logins.refused", "CONNECTs refused: bad username or password, or not authorized",
        () -> sum(mqtt, MqttStats::refusedLogins));
    metrics.counter("sngw.mqtt.connections.refused.full", "CONNECTs answered server unavailable: too many clients",
        () -> sum(mqtt, MqttStats::refusedConnected));
    metrics.counter("sngw.broker.messages.dropped", "messages dropped for subscribers whose queue was over its bounds",
        broker::droppedMessages);
    metrics.gauges("sngw.broker.client.messages.dropped", "messages dropped so far for this client's session",
        "client", broker::droppedByClient);
    metrics.counter("sngw.broker.subscribers.behind", "times a full queue held its publishers back for the whole hold time",
        broker::behindEvents);
    metrics.counter("sngw.broker.messages.refused", "messages refused: the store budget or a bridge outbox was full",
        broker::refusedMessages);
    metrics.counter("sngw.broker.messages.expired", "queued messages not sent: their MQTT 5 expiry interval ran out",
        broker::expiredMessages);
    metrics.counter("sngw.broker.sessions.expired", "persistent sessions ended after persistent-session-expiry offline",
        broker::expiredSessions);
    metrics.gauge("sngw.broker.store.bytes", "bytes of stored messages", broker::storeBytes);
    metrics.counter("sngw.broker.messages.received", "PUBLISHes received from clients: MQTT, MQTT-SN and bridges",
        broker::messagesReceived);
    metrics.counter("sngw.broker.messages.sent", "PUBLISHes sent to clients, resends included", broker::messagesSent);
    metrics.counter("sngw.broker.bytes.received", "bytes of MQTT packets from clients and MQTT-SN frames from sensors",
        () -> sum(mqtt, MqttStats::bytesReceived) + snGateway.stats().bytesReceived());
    metrics.counter("sngw.broker.bytes.sent", "bytes of MQTT packets to clients and MQTT-SN frames to sensors",
        () -> sum(mqtt, MqttStats::bytesSent) + snGateway.stats().bytesSent());
    metrics.gauge("sngw.broker.clients.connected", "clients connected: MQTT, MQTT-SN and bridge outboxes",
        () -> census.broker().connected());
    metrics.gauge("sngw.broker.clients.total", "sessions, connected or not", () -> census.broker().sessions());
    metrics.gauge("sngw.broker.clients.disconnected", "persistent sessions without a connection",
        () -> census.broker().sessions() - census.broker().connected());
    metrics.gauge("sngw.broker.subscriptions", "subscriptions, one per session and filter",
        () -> census.broker().subscriptions());
    metrics.gauge("sngw.broker.retained", "topics with a retained message", () -> census.broker().retained());
    metrics.gauge("sngw.broker.queued.bytes", "bytes queued in memory by all sessions but bridge outboxes",
        broker::queuedBytes);
  }

  private void startBridges(GatewayConfig config) throws StartException {
    for (BridgeConfig upstream : config.bridges()) {
      Bridge bridge = new Bridge(upstream, broker, core, core, dropped -> HiveMqLinks.create(upstream,
          HiveMqLinks.Status.of(Bridge.upstreamStatusTopic(upstream)), context -> dropped.accept(context.getCause())),
          events);
      core.execute(bridge::start);
      started.push(() -> CompletableFuture.supplyAsync(bridge::stop, core)
          .thenCompose(stopped -> stopped)
          .orTimeout(BRIDGE_STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
          .handle((ok, failure) -> null)
          .join());
      bridges.put(upstream.name(), bridge);
      String name = upstream.name();
      metrics.counter("sngw.bridge.forwarded", "messages forwarded upstream", "bridge", name, bridge::forwarded);
      metrics.counter("sngw.bridge.received", "messages received from upstream", "bridge", name, bridge::received);
      metrics.counter("sngw.bridge.refused", "messages the upstream refused", "bridge", name, bridge::failedPublishes);
      metrics.gauge("sngw.bridge.connected", "1 while the upstream is connected", "bridge", name,
          () -> bridge.state() == BridgeState.CONNECTED ? 1 : 0);
      metrics.gauge("sngw.bridge.backlog", "messages in the outbox, not yet acknowledged upstream", "bridge", name,
          () -> census.broker().outboxBacklogs().getOrDefault(Bridge.outboxClientId(name), 0));
    }
  }

  private void startMetricsEndpoint(ListenAddress bind) throws StartException {
    MetricsEndpoint endpoint = MetricsEndpoint.start(bind.toSocketAddress(), metrics);
    started.push(endpoint);
    metricsAddress = endpoint.address();
  }

  private void startStatusPage(GatewayConfig config, StatusConfig page) throws StartException {
    StatusSources sources = new StatusSources(snGateway, broker, this::bridgeRows, this::storeRow,
        () -> census.broker().connected(), RecentWarnings.ofStandardError(), Version.text());
    StatusPage status = StatusPage.start(page, mqttAccess.forAnotherListener(config.access(), isLoopback(page.listen())),
        user -> accessRules.maySubscribe(new ClientIdentity("$status", Optional.of(user), ClientIdentity.Origin.MQTT), "#"),
        sources, core, metrics);
    started.push(status);
    statusAddress = status.address();
  }

  private List<StatusSources.Bridge> bridgeRows() {
    return bridges.values().stream()
        .map(bridge -> new StatusSources.Bridge(bridge.name(), bridge.state().name().toLowerCase(Locale.ROOT),
            census.broker().outboxBacklogs().getOrDefault(Bridge.outboxClientId(bridge.name()), 0),
            bridge.forwarded()))
        .toList();
  }

  private StatusSources.Store storeRow() {
    return disk == null
        ? new StatusSources.Store(false, 0, broker.storeBytes(), false)
        : new StatusSources.Store(true, disk.fileSizeBytes(), broker.storeBytes(), disk.writeFailing());
  }

  /** Lets the core finish what the closed listeners handed it, then writes the rest and closes. */
  private void closeStore(MvStateStore disk) {
    CompletableFuture.runAsync(() -> { }, core).join();
    disk.close();
  }

  private static void prepareDataDir(GatewayConfig config) throws StartException {
    try {
      Files.createDirectories(config.dataDir());
    } catch (IOException e) {
      throw new StartException("data directory " + config.dataDir() + " cannot be created: " + e, e);
    }
    if (!Files.isWritable(config.dataDir())) {
      throw new StartException("data directory " + config.dataDir() + " is not writable");
    }
  }

  /** Where sensors reach the first transport bound to a socket (UDP by default); null if none is. */
  public InetSocketAddress snAddress() {
    return transports.stream().map(Transport::localAddress).flatMap(Optional::stream).findFirst().orElse(null);
  }

  public InetSocketAddress mqttAddress() {
    return mqttAddress;
  }

  /** Where the MQTT TLS listener is, or null when there is none. */
  public InetSocketAddress mqttTlsAddress() {
    return mqttTlsAddress;
  }

  /** Where the MQTT over WebSocket listener is, or null when there is none. */
  public InetSocketAddress webSocketAddress() {
    return webSocketAddress;
  }

  /** Where the MQTT over WebSocket TLS listener is, or null when there is none. */
  public InetSocketAddress webSocketTlsAddress() {
    return webSocketTlsAddress;
  }

  /** Where the status page is served, or null when it is off. */
  public InetSocketAddress statusAddress() {
    return statusAddress;
  }

  /** Where metrics are served, or null when they are off. */
  public InetSocketAddress metricsAddress() {
    return metricsAddress;
  }

  /**
   * Reads the password and ACL files and the TLS certificate again (SIGHUP). A file that cannot be
   * read now is logged and what was read before stays in force, so a typo does not lock everyone
   * out.
   */
  public void reloadAccess() {
    if (mqttAccess.passwords().isEmpty() && acl == null && serverTls.isEmpty()) {
      log.info("SIGHUP: no password file, ACL file or certificate to reload");
      return;
    }
    try {
      mqttAccess.reload();
      mqttAccess.passwords().ifPresent(file -> log.info("reloaded {}: {} user(s)", file.source(), file.size()));
    } catch (StartException e) {
      log.error("{}; the users read before stay in force", e.getMessage());
    }
    for (ServerTls server : serverTls) {
      try {
        server.reload();
        log.info("reloaded the MQTT TLS certificate from {}", server.config().certFile());
      } catch (StartException e) {
        log.error("{}; the certificate in use stays", e.getMessage());
      }
    }
    if (acl != null) {
      try {
        acl.reload();
        log.info("reloaded {}", acl.source());
      } catch (StartException e) {
        log.error("{}; the rules read before stay in force", e.getMessage());
      }
    }
  }

  /** The state of the bridge with this name; empty if there is none. */
  public Optional<BridgeState> bridgeState(String name) {
    return Optional.ofNullable(bridges.get(name)).map(Bridge::state);
  }

  /**
   * Completes when something asks the gateway to stop (the hardware button's long press): whoever
   * runs the gateway then closes it, as on SIGTERM.
   */
  public CompletableFuture<Void> shutdownRequested() {
    return shutdownRequested;
  }

  public SnGateway snGateway() {
    return snGateway;
  }

  /** Stops listening first, then lets the core finish what is queued, then the store and the core. */
  @Override
  public void close() {
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        // Keep closing the rest: a failed close must not leave ports bound or the store open.
        log.warn("closing failed", e);
      }
    }
  }
}
