package org.sngw.transport.ble;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sngw.time.Clock;
import org.sngw.time.Scheduler;
import org.sngw.transport.BlePeer;
import org.sngw.transport.PeerAddress;
import org.sngw.transport.Transport;
import org.sngw.transport.TransportException;
import org.sngw.transport.TransportListener;
import org.sngw.transport.TransportStats;
import org.sngw.transport.ble.bluez.BluezCentral;
import org.sngw.transport.ble.central.BleCentral;

/**
 * MQTT-SN over Bluetooth LE, the gateway as central on one adapter: scans for the configured GATT
 * service, connects to the devices offering it (those in the allowlist, when there is one, up to
 * {@code maxConnections}), and carries MQTT-SN as a byte stream in each direction: notifications in,
 * cut into frames by a length framer per device; writes out, each frame in payload-sized chunks,
 * one write at a time. A missing adapter is waited for in the background, and a dropped device
 * connected again when it is seen, both with backoff.
 *
 * <p>Threads: all state lives on one thread of the transport's own ({@code ble-<adapter>}); radio
 * callbacks and timers hop onto it, and the listener is called on it. {@link #send} may be called
 * from any thread and never blocks.
 */
public final class BleTransport implements Transport {
  private static final Logger log = LoggerFactory.getLogger(BleTransport.class);
  /** BLE sensors send small packets; a larger length field is garbage, and a larger reply too slow to be of use. */
  public static final int MAX_FRAME_SIZE = 2048;
  /** Frames waiting for one device; a few bursts of replies at the rate a BLE link takes them. */
  public static final int SEND_QUEUE_CAPACITY = 32;
  /** The loop ends at once unless a listener call hangs; this bounds the wait for one that does. */
  private static final Duration STOP_WAIT = Duration.ofSeconds(2);

  private final BleConfig config;
  private final BleEnvironment env;
  private final TransportStats stats = new TransportStats("ble", Optional.empty());
  private final LongAdder reconnects = stats.counter("reconnects", "BLE links made again after a drop");
  private final LongAdder connectFailures = stats.counter("connect.failures", "connects that failed or timed out");
  private final ConcurrentMap<BlePeer, Link> links = new ConcurrentHashMap<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicBoolean warnedWrongPeer = new AtomicBoolean();
  private volatile Supervisor supervisor;

  /**
   * @param config the adapter, the GATT service and characteristics, which devices and how many
   * @param central the radio; the transport owns it from here and closes it in {@link #close}
   * @param scheduler for reconnect and adapter retry timers; tasks only hand over to the transport's
   *     thread, so any scheduler thread will do
   * @param clock the time notifications arrive at and backoffs run on
   */
  public BleTransport(BleConfig config, BleCentral central, Scheduler scheduler, Clock clock) {
    this(config, new BleEnvironment(central, scheduler, clock, new LoopThread("ble-" + config.adapter()),
        new BleLog(config)));
  }

  /** A transport whose central is BlueZ's, connected on the transport's own thread when first needed. */
  public static BleTransport overBluez(BleConfig config, Scheduler scheduler, Clock clock) {
    return new BleTransport(config, new OnDemandCentral(() -> BluezCentral.open(config.adapter())), scheduler, clock);
  }

  BleTransport(BleConfig config, BleEnvironment env) {
    this.config = Objects.requireNonNull(config, "config");
    this.env = Objects.requireNonNull(env, "env");
    stats.gauge("connected", "BLE sensors connected", this::connectedDevices);
    stats.family("device.frames.dropped", "frames dropped for each connected BLE device since it connected",
        "device", this::droppedPerDevice);
  }

  @Override
  public String name() {
    return "ble:" + config.adapter();
  }

  /**
   * Starts looking for devices and returns; the radio works on the transport's thread. A missing or
   * switched-off adapter, or BlueZ not running, is no error: it is warned about once and waited for.
   *
   * @throws TransportException for settings that can never work, naming each bad field
   */
  @Override
  public synchronized void start(TransportListener listener) throws TransportException {
    Objects.requireNonNull(listener, "listener");
    if (closed.get()) {
      throw new IllegalStateException(name() + " is closed");
    }
    if (supervisor != null) {
      throw new IllegalStateException(name() + " is already started");
    }
    List<String> problems = BleConfigCheck.problems(config);
    if (!problems.isEmpty()) {
      throw new TransportException("BLE adapter " + config.adapter() + " cannot work: " + String.join("; ", problems));
    }
    Supervisor started = new Supervisor(config, env, listener, stats, reconnects, connectFailures, links,
        MAX_FRAME_SIZE, SEND_QUEUE_CAPACITY);
    supervisor = started;
    env.loop().execute(started::start);
  }

  /** Queues a frame for a connected device; to any other address it is dropped and counted. */
  @Override
  public void send(PeerAddress to, ByteBuffer frame) {
    if (!(to instanceof BlePeer peer)) {
      stats.dropped().increment();
      if (warnedWrongPeer.compareAndSet(false, true)) {
        log.warn("{} cannot reach {}: frames to peers of other transports are dropped (a wiring bug)", name(), to);
      }
      return;
    }
    Link link = links.get(peer);
    if (link == null) {
      drop(peer, "it is not connected");
    } else if (!frame.hasRemaining() || frame.remaining() > MAX_FRAME_SIZE) {
      drop(peer, "a frame of " + frame.remaining() + " bytes is outside 1.." + MAX_FRAME_SIZE);
    } else if (!link.outbox().offer(frame)) {
      link.outbox().dropped();
      log.debug("{} dropped a frame to {}: its send queue is full", name(), peer.deviceAddress());
    }
  }

  private Map<String, Long> droppedPerDevice() {
    Map<String, Long> dropped = new TreeMap<>();
    links.forEach((peer, link) -> dropped.put(peer.deviceAddress(), link.outbox().droppedSoFar()));
    return dropped;
  }

  private void drop(BlePeer peer, String why) {
    stats.dropped().increment();
    log.debug("{} dropped a frame to {}: {}", name(), peer.deviceAddress(), why);
  }

  /** False: a central reaches only the devices it is connected to, one at a time. */
  @Override
  public boolean canBroadcast() {
    return false;
  }

  /** Drops the frame: there is no broadcast (sensors find the gateway by scanning, not by ADVERTISE). */
  @Override
  public void broadcast(ByteBuffer frame) {
    stats.dropped().increment();
  }

  @Override
  public int maxFrameSize() {
    return MAX_FRAME_SIZE;
  }

  /** Whether the adapter is usable now: false before start, while waiting for it, and after close. */
  public boolean isAdapterReady() {
    Supervisor running = supervisor;
    return running != null && running.adapterReady();
  }

  /** Devices connected now. */
  public int connectedDevices() {
    return links.size();
  }

  @Override
  public TransportStats stats() {
    return stats;
  }

  /** Links established again to a device that had one before. */
  public long reconnectCount() {
    return reconnects.sum();
  }

  /** Connects that failed or timed out. */
  public long connectFailures() {
    return connectFailures.sum();
  }

  /**
   * Stops scanning and timers, disconnects every device without reporting it lost (the gateway is
   * going down, not the links), and closes the central. Idempotent; returns once the transport's
   * thread has ended, unless called from it (by the listener).
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    env.loop().execute(() -> {
      Supervisor running = supervisor;
      if (running != null) {
        running.stop();
      }
      env.central().close();
    });
    env.loop().stop(STOP_WAIT);
    log.info("BLE adapter {} closed", config.adapter());
  }
}
