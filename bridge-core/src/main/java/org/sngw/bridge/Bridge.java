package org.sngw.bridge;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sngw.broker.Broker;
import org.sngw.broker.ClientHandle;
import org.sngw.broker.ClientIdentity;
import org.sngw.broker.ClientIds;
import org.sngw.broker.ConnectRequest;
import org.sngw.broker.Delivery;
import org.sngw.broker.SessionOptions;
import org.sngw.broker.SessionSink;
import org.sngw.broker.Subscription;
import org.sngw.config.BridgeConfig;
import org.sngw.config.TopicRule;
import org.sngw.events.GatewayEvents;
import org.sngw.message.Message;
import org.sngw.message.Qos;
import org.sngw.runtime.StartException;
import org.sngw.time.Cancellable;
import org.sngw.time.Scheduler;
import org.sngw.tls.TlsFileException;

/**
 * One upstream broker. Its outbox is a persistent broker session, {@code $bridge/<name>},
 * subscribed to the "out" rules: attached while the upstream is connected, so messages flow out as
 * they come; detached while it is not, so they queue in the store, in order, until it is back.
 * Messages from upstream ("in" rules) are published locally by that same session, which is
 * no-local, so a "both" rule cannot send them back out. Owned by the core loop; the client
 * library's threads only hand results over.
 */
public final class Bridge {
  private static final Logger log = LoggerFactory.getLogger(Bridge.class);
  /** Messages forwarded upstream at once, awaiting their acknowledgement. */
  private static final int UPSTREAM_WINDOW = 64;
  private static final int ECHOES_REMEMBERED = 4096;
  private static final byte[] CONNECTED = "connected".getBytes(StandardCharsets.UTF_8);
  private static final byte[] DISCONNECTED = "disconnected".getBytes(StandardCharsets.UTF_8);

  /** Makes the upstream link; {@code dropped} hears, on a library thread, that it went down. */
  @FunctionalInterface
  public interface LinkFactory {
    UpstreamLink create(Consumer<Throwable> dropped) throws TlsFileException;
  }

  private final BridgeConfig config;
  private final Broker broker;
  private final Executor core;
  private final Scheduler scheduler;
  private final TopicMapper mapper;
  private final JitteredBackoff backoff;
  private final EchoFilter echoes = new EchoFilter(ECHOES_REMEMBERED);
  private final UpstreamLink link;
  private final LongAdder forwarded = new LongAdder();
  private final LongAdder received = new LongAdder();
  private final LongAdder failedPublishes = new LongAdder();
  private final GatewayEvents events;
  private volatile BridgeState state = BridgeState.STOPPED;
  private ClientHandle handle;
  private Outbox outbox;
  private Cancellable retry;
  private String lastProblem;

  /** @throws StartException naming the bridge and the file when a certificate or key it needs cannot be used */
  public Bridge(BridgeConfig config, Broker broker, Executor core, Scheduler scheduler, LinkFactory links)
      throws StartException {
    this(config, broker, core, scheduler, links, GatewayEvents.NONE);
  }

  /** @param events told when the upstream connects and when it is lost or the bridge stops */
  public Bridge(BridgeConfig config, Broker broker, Executor core, Scheduler scheduler, LinkFactory links,
      GatewayEvents events) throws StartException {
    this.config = config;
    this.events = events;
    this.broker = broker;
    this.core = core;
    this.scheduler = scheduler;
    this.mapper = new TopicMapper(config.rules());
    this.backoff = new JitteredBackoff(config.reconnectMin(), config.reconnectMax(), new SplittableRandom());
    // After stop() nobody listens: the core loop may be gone by the time the library reports it.
    try {
      this.link = links.create(cause -> {
        if (state != BridgeState.STOPPED) {
          core.execute(() -> dropped(cause));
        }
      });
    } catch (TlsFileException e) {
      throw new StartException("bridge " + config.name() + ": " + e.getMessage(), e);
    }
  }

  public String name() {
    return config.name();
  }

  /** Readable from any thread. */
  public BridgeState state() {
    return state;
  }

  public long forwarded() {
    return forwarded.sum();
  }

  public long received() {
    return received.sum();
  }

  public long failedPublishes() {
    return failedPublishes.sum();
  }

  /** On the core loop: makes sure the outbox session and its subscriptions exist, then connects. */
  public void start() {
    broker.prepareSession(outboxClientId(config.name()), request().options());
    ClientHandle setup = broker.connect(request(), new Outbox());
    broker.subscribe(setup, outSubscriptions(), granted -> { });
    broker.disconnect(setup, true);
    publishLocalStatus(DISCONNECTED);
    connect();
  }

  /**
   * On the core loop: stops forwarding; what is not forwarded yet stays in the outbox. A clean
   * DISCONNECT makes the upstream drop the will, so the bridge says "disconnected" itself first.
   * The future completes when the upstream connection is closed.
   */
  public CompletableFuture<Void> stop() {
    boolean wasConnected = state == BridgeState.CONNECTED;
    state = BridgeState.STOPPED;
    if (wasConnected) {
      events.upstreamDisconnected(config.name());
    }
    if (retry != null) {
      retry.cancel();
    }
    detach();
    publishLocalStatus(DISCONNECTED);
    CompletableFuture<Void> farewell = wasConnected
        ? link.publish(upstreamStatusTopic(config), DISCONNECTED, Qos.AT_LEAST_ONCE, true)
        : CompletableFuture.completedFuture(null);
    return farewell.handle((ok, failure) -> null).thenCompose(ignored -> link.disconnect());
  }

  private void connect() {
    state = BridgeState.CONNECTING;
    link.connect().whenComplete((ok, failure) -> core.execute(() -> {
      if (failure == null) {
        connected();
      } else {
        connectFailed(failure);
      }
    }));
  }

  private void connected() {
    if (state != BridgeState.CONNECTING) {
      link.disconnect();
      return;
    }
    state = BridgeState.CONNECTED;
    events.upstreamConnected(config.name());
    backoff.reset();
    lastProblem = null;
    log.info("bridge {} connected to {}:{}", config.name(), config.host(), config.port());
    publishLocalStatus(CONNECTED);
    for (TopicRule rule : config.rules()) {
      if (rule.direction().in()) {
        link.subscribe(rule.remoteFilter(), rule.qos(), inbound -> core.execute(() -> arrived(inbound)));
      }
    }
    outbox = new Outbox();
    handle = broker.connect(request(), outbox);
  }

  private void connectFailed(Throwable failure) {
    if (state != BridgeState.CONNECTING) {
      return;
    }
    String problem = describe(failure);
    if (!problem.equals(lastProblem)) {
      // Once per kind of failure, not once per attempt: an outage can last hours.
      log.warn("bridge {} cannot reach {}:{}: {}; retrying with backoff", config.name(), config.host(),
          config.port(), problem);
      lastProblem = problem;
    }
    waitAndRetry();
  }

  private void dropped(Throwable cause) {
    if (state != BridgeState.CONNECTED) {
      return;
    }
    log.warn("bridge {} lost {}:{}: {}; messages wait in the outbox", config.name(), config.host(), config.port(),
        describe(cause));
    lastProblem = null;
    events.upstreamDisconnected(config.name());
    detach();
    publishLocalStatus(DISCONNECTED);
    waitAndRetry();
  }

  private void waitAndRetry() {
    state = BridgeState.WAITING;
    retry = scheduler.schedule(backoff.next(), this::connect);
  }

  private void detach() {
    if (handle != null) {
      broker.disconnect(handle, true);
      handle = null;
      outbox = null;
    }
  }

  private void arrived(UpstreamLink.Inbound inbound) {
    Optional<TopicMapper.Mapped> local = mapper.toLocal(inbound.topic());
    if (local.isEmpty() || handle == null
        || (!link.suppressesEchoes() && echoes.isEcho(inbound.topic(), inbound.payload()))) {
      inbound.acknowledge().run();
      return;
    }
    received.increment();
    Message message = new Message(local.get().topic(), inbound.payload(), inbound.qos().min(local.get().maxQos()),
        inbound.retain(), inbound.properties());
    // Acknowledged upstream once it is as safe here as any local publish.
    broker.publish(handle, message, outcome -> inbound.acknowledge().run());
  }

  private void publishLocalStatus(byte[] status) {
    broker.publish(null, new Message(config.statusTopic(), status, Qos.AT_LEAST_ONCE, true), outcome -> { });
  }

  private ConnectRequest request() {
    SessionOptions options = new SessionOptions(true, true, true, true, OptionalInt.of(config.outbox().maxMessages()),
        OptionalLong.of(config.outbox().maxBytes()));
    return new ConnectRequest(outboxClientId(config.name()), false, Optional.empty(), Duration.ZERO, UPSTREAM_WINDOW,
        options, Optional.empty(), ClientIdentity.Origin.GATEWAY);
  }

  private List<Subscription> outSubscriptions() {
    return config.rules().stream()
        .filter(rule -> rule.direction().out())
        // A restart re-subscribes: retained messages went upstream when the rule was new.
        .map(rule -> new Subscription(rule.localFilter(), rule.qos(), Subscription.RetainHandling.IF_NEW))
        .toList();
  }

  /** The local session that is the bridge's outbox. */
  public static String outboxClientId(String bridgeName) {
    return ClientIds.bridgeOutbox(bridgeName);
  }

  /** The upstream status topic: the configured one, unless it is a {@code $} topic brokers keep to themselves. */
  public static String upstreamStatusTopic(BridgeConfig config) {
    return config.statusTopic().startsWith("$") ? "sngw/" + config.clientId() + "/state" : config.statusTopic();
  }

  private static String describe(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  /** The broker's deliveries to the outbox session, forwarded upstream; one per attachment. */
  private final class Outbox implements SessionSink {
    @Override
    public void deliver(Delivery delivery) {
      if (outbox != this) {
        return;
      }
      Message message = delivery.message();
      Optional<TopicMapper.Mapped> remote = mapper.toRemote(message.topic());
      if (remote.isEmpty()) {
        settle(delivery);
        return;
      }
      String topic = remote.get().topic();
      if (!link.suppressesEchoes() && mapper.toLocal(topic).isPresent()) {
        echoes.sent(topic, message.payload());
      }
      link.publish(topic, message.payload(), message.qos(), message.retain(), message.properties())
          .whenComplete((ok, failure) -> core.execute(() -> forwarded(delivery, failure)));
    }

    private void forwarded(Delivery delivery, Throwable failure) {
      if (outbox != this) {
        // The connection dropped meanwhile: the broker resends it on the next attach.
        return;
      }
      if (failure == null) {
        forwarded.increment();
      } else {
        failedPublishes.increment();
        log.warn("bridge {}: upstream refused {}: {}", config.name(), delivery.message().topic(), describe(failure));
      }
      settle(delivery);
    }

    private void settle(Delivery delivery) {
      switch (delivery.message().qos()) {
        case AT_MOST_ONCE -> { }
        case AT_LEAST_ONCE -> broker.acknowledged(handle, delivery.packetId());
        // The client library ran the whole QoS 2 exchange before its future completed.
        case EXACTLY_ONCE -> broker.received(handle, delivery.packetId());
      }
    }

    @Override
    public void release(int packetId) {
      if (outbox == this) {
        broker.completed(handle, packetId);
      }
    }

    @Override
    public void takenOver() {
      log.warn("bridge {}: its outbox session {} was taken over by a client with the same id", config.name(),
          outboxClientId(config.name()));
    }
  }
}
