package org.sngw.transport.ble;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sngw.logging.LogFormat;
import org.sngw.time.Backoff;
import org.sngw.time.Cancellable;
import org.sngw.transport.BlePeer;
import org.sngw.transport.TransportListener;
import org.sngw.transport.TransportStats;
import org.sngw.transport.ble.central.BleConnection;
import org.sngw.transport.ble.central.BleException;
import org.sngw.transport.ble.central.GattProfile;

/**
 * Keeps the transport's devices connected, on the loop: waits out an adapter that is missing (with
 * backoff, warning once), scans for the profile's service, connects to devices seen (one attempt
 * at a time, with the scan paused meanwhile, as many adapters cannot do both), turns each
 * connection into a {@link Link}, and reports dropped links to the listener. Every method runs on
 * the loop; {@link #links} is shared only so that callers of send can find an outbox.
 */
final class Supervisor {
  private static final Logger log = LoggerFactory.getLogger(Supervisor.class);
  /** A bound on a connect BlueZ never answers, after which the scan resumes. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
  /** How often a ready adapter is checked: BlueZ may stop or the adapter go without a word to us. */
  static final Duration ADAPTER_CHECK = Duration.ofSeconds(10);

  /** A connect under way; stale once it timed out or the adapter went. */
  private static final class Attempt {
    final BlePeer peer;
    Cancellable timeout = () -> { };

    Attempt(BlePeer peer) {
      this.peer = peer;
    }
  }

  private final BleConfig config;
  private final GattProfile profile;
  private final Set<BlePeer> allowlist;
  private final BleEnvironment env;
  private final TransportListener listener;
  private final TransportStats stats;
  private final LongAdder reconnects;
  private final LongAdder connectFailures;
  private final ConcurrentMap<BlePeer, Link> links;
  private final Backoff backoff;
  private final DeviceBook devices;
  private final int maxFrameSize;
  private final int queueCapacity;
  private volatile boolean adapterReady;
  private boolean everReady;
  private boolean scanning;
  private int adapterFailures;
  /** Set while a scan could not be resumed on a usable adapter, so that is reported once. */
  private boolean scanRefused;
  private Attempt attempt;
  private Cancellable adapterTimer = () -> { };
  /** Identifies the one adapter timer that counts: one that fired as it was being replaced does nothing. */
  private Object adapterTimerToken;

  Supervisor(BleConfig config, BleEnvironment env, TransportListener listener, TransportStats stats,
      LongAdder reconnects, LongAdder connectFailures, ConcurrentMap<BlePeer, Link> links, int maxFrameSize, int queueCapacity) {
    this.config = config;
    this.profile = new GattProfile(config.service(), config.receive(), config.send());
    this.allowlist = config.allowlist().stream().map(BlePeer::new).collect(Collectors.toUnmodifiableSet());
    this.env = env;
    this.listener = listener;
    this.stats = stats;
    this.reconnects = reconnects;
    this.connectFailures = connectFailures;
    this.links = links;
    this.backoff = new Backoff(config.reconnectMin(), config.reconnectMax());
    this.devices = new DeviceBook(backoff);
    this.maxFrameSize = maxFrameSize;
    this.queueCapacity = queueCapacity;
  }

  /** Whether the adapter is usable and the transport is scanning or connected; readable from any thread. */
  boolean adapterReady() {
    return adapterReady;
  }

  void start() {
    tryAdapter();
  }

  /**
   * Stops scanning and timers and disconnects every device, without reporting them lost: the
   * gateway is going down, not the links.
   */
  void stop() {
    adapterReady = false;
    cancelAdapterTimer();
    abandonAttempt();
    stopScan();
    for (Link link : List.copyOf(links.values())) {
      links.remove(link.peer(), link);
      link.close();
      disconnect(link);
    }
  }

  private void tryAdapter() {
    String problem = availabilityProblem();
    if (problem == null) {
      problem = startScan();
    }
    if (problem != null) {
      if (adapterFailures == 0) {
        env.events().adapterUnavailable(problem);
      } else {
        env.events().adapterStillUnavailable(problem);
      }
      retryAdapter();
      return;
    }
    adapterReady = true;
    adapterFailures = 0;
    env.events().adapterReady(everReady);
    everReady = true;
    adapterTimer(ADAPTER_CHECK, this::checkAdapter);
  }

  private void retryAdapter() {
    adapterTimer(backoff.delay(adapterFailures++), this::tryAdapter);
  }

  private void adapterTimer(Duration delay, Runnable task) {
    cancelAdapterTimer();
    Object token = new Object();
    adapterTimerToken = token;
    adapterTimer = env.later(delay, () -> {
      if (adapterTimerToken == token) {
        task.run();
      }
    });
  }

  private void cancelAdapterTimer() {
    adapterTimer.cancel();
    adapterTimerToken = null;
  }

  private void checkAdapter() {
    String problem = availabilityProblem();
    if (problem != null) {
      adapterLost(problem);
      return;
    }
    devices.forgetStale(env.clock().nanos());
    updateScan();
    if (adapterReady) {
      adapterTimer(ADAPTER_CHECK, this::checkAdapter);
    }
  }

  /** The adapter failed while in use: its links are gone with it, and it is waited for again. */
  private void adapterLost(String reason) {
    adapterReady = false;
    env.events().adapterLost(reason, links.size());
    abandonAttempt();
    stopScan();
    scanRefused = false;
    // Not the devices' fault: their backoff stays as it was.
    for (Link link : List.copyOf(links.values())) {
      lose(link);
      disconnect(link);
    }
    // The warning above was this outage's one; further failed attempts go to debug.
    adapterFailures = 0;
    retryAdapter();
  }

  /** Why the adapter cannot be used now, or null when it can. */
  private String availabilityProblem() {
    try {
      return env.central().isAvailable() ? null : "no powered adapter (missing, switched off, or BlueZ not running)";
    } catch (RuntimeException e) {
      return describe(e);
    }
  }

  /**
   * Scans while there is a free connection and no connect under way, and only then. A scan the
   * radio refuses on an adapter that is still there is tried again at the next adapter check; the
   * links up meanwhile stay up.
   */
  private void updateScan() {
    boolean wanted = adapterReady && attempt == null && links.size() < config.maxConnections();
    if (wanted && !scanning) {
      String problem = startScan();
      if (problem == null) {
        scanRefused = false;
      } else if (availabilityProblem() != null) {
        adapterLost(problem);
      } else if (!scanRefused) {
        scanRefused = true;
        env.events().scanRefused(problem, ADAPTER_CHECK);
      }
    } else if (!wanted && scanning) {
      stopScan();
    }
  }

  /** Starts scanning; the reason when the radio refused, else null. */
  private String startScan() {
    try {
      env.central().startScan(profile, address -> env.loop().execute(() -> seen(address)));
      scanning = true;
      return null;
    } catch (BleException | RuntimeException e) {
      return describe(e);
    }
  }

  private void stopScan() {
    if (!scanning) {
      return;
    }
    scanning = false;
    try {
      env.central().stopScan();
    } catch (RuntimeException e) {
      log.debug("BLE adapter {}: stopping the scan failed", config.adapter(), e);
    }
  }

  private void seen(String address) {
    if (!adapterReady || attempt != null || links.size() >= config.maxConnections()) {
      // Sightings queued before the scan paused.
      return;
    }
    BlePeer peer = new BlePeer(address);
    if ((allowlist.isEmpty() || allowlist.contains(peer))
        && !links.containsKey(peer)
        && devices.mayConnect(peer, env.clock().nanos())) {
      connect(peer);
    }
  }

  private void connect(BlePeer peer) {
    Attempt started = new Attempt(peer);
    attempt = started;
    updateScan();
    CompletableFuture<BleConnection> connecting;
    try {
      connecting = env.central().connect(peer.deviceAddress(), profile);
    } catch (RuntimeException e) {
      connecting = CompletableFuture.failedFuture(e);
    }
    started.timeout = env.later(CONNECT_TIMEOUT, () -> connectTimedOut(started));
    connecting.whenComplete((connection, error) -> env.loop().execute(() -> connectDone(started, connection, error)));
  }

  private void connectTimedOut(Attempt timedOut) {
    if (timedOut == attempt) {
      attempt = null;
      connectFailed(timedOut.peer, "no connection within " + LogFormat.duration(CONNECT_TIMEOUT));
      updateScan();
    }
  }

  private void connectDone(Attempt done, BleConnection connection, Throwable error) {
    if (done != attempt) {
      // Given up on already: a connection that came too late is not wanted.
      if (connection != null) {
        disconnect(connection);
      }
      return;
    }
    attempt = null;
    done.timeout.cancel();
    if (error != null || connection == null) {
      connectFailed(done.peer, error == null ? "no connection" : describe(error));
    } else {
      open(done.peer, connection);
    }
    updateScan();
  }

  private void connectFailed(BlePeer peer, String reason) {
    connectFailures.increment();
    long now = env.clock().nanos();
    boolean first = devices.failed(peer, now);
    Duration retryIn = devices.retryIn(peer, now);
    if (first) {
      env.events().connectFailed(peer, reason, retryIn);
    } else {
      env.events().connectStillFailing(peer, reason, retryIn);
    }
  }

  private void open(BlePeer peer, BleConnection connection) {
    Outbox outbox = new Outbox(peer.deviceAddress(), connection, config.writeWithResponse(), queueCapacity,
        env.loop(), stats);
    Link link = new Link(peer, connection, maxFrameSize, outbox, listener, env.clock(), stats);
    links.put(peer, link);
    boolean again = devices.connected(peer);
    if (again) {
      reconnects.increment();
    }
    env.events().connected(peer, connection.payloadSize(), again);
    connection.onNotification(chunk -> env.loop().execute(() -> link.received(chunk)));
    connection.onDisconnected(() -> env.loop().execute(() -> dropped(link)));
    if (links.size() == config.maxConnections()) {
      env.events().full(config.maxConnections());
    }
  }

  private void dropped(Link link) {
    if (links.get(link.peer()) != link) {
      // Lost already, with the adapter, or closed.
      return;
    }
    lose(link);
    long now = env.clock().nanos();
    devices.dropped(link.peer(), now, link.heard());
    env.events().disconnected(link.peer(), Duration.ofNanos(now - link.connectedAtNanos()),
        devices.retryIn(link.peer(), now));
    updateScan();
  }

  /** Forgets the link's framer and queue and tells the listener; its MQTT-SN session decides the rest. */
  private void lose(Link link) {
    links.remove(link.peer(), link);
    link.close();
    try {
      listener.onPeerLost(link.peer());
    } catch (RuntimeException e) {
      stats.listenerErrors().increment();
      log.debug("BLE listener failed on the loss of {}", link.peer(), e);
    }
  }

  private void abandonAttempt() {
    if (attempt != null) {
      attempt.timeout.cancel();
      attempt = null;
    }
  }

  private void disconnect(Link link) {
    disconnect(link.connection());
  }

  private void disconnect(BleConnection connection) {
    try {
      connection.disconnect();
    } catch (RuntimeException e) {
      log.debug("BLE device {}: disconnecting failed", connection.deviceAddress(), e);
    }
  }

  private static String describe(Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    return cause.getMessage() != null ? cause.getMessage() : cause.toString();
  }
}
