package org.sngw.transport.serial;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sngw.events.GatewayEvents;
import org.sngw.logging.LogFormat;
import org.sngw.transport.PeerAddress;
import org.sngw.transport.SerialPeer;
import org.sngw.transport.Transport;
import org.sngw.transport.TransportException;
import org.sngw.transport.TransportListener;
import org.sngw.transport.TransportStats;
import org.sngw.transport.WirelessNodeId;
import org.sngw.transport.serial.framing.FrameReader;
import org.sngw.transport.serial.framing.FrameWriter;
import org.sngw.transport.serial.framing.Framing;
import org.sngw.transport.serial.framing.Framings;

/**
 * MQTT-SN over one serial port, with two threads of its own. The port thread opens the port
 * (retrying with backoff while it is missing), does blocking reads with a short timeout, cuts the
 * bytes into frames and calls the listener; when the port fails or is unplugged it reports every
 * sensor heard on it as lost and reopens it once it is back. The writer thread drains a bounded
 * queue, so {@link #send} never blocks, whatever the line does.
 *
 * <p>Blocking reads rather than jSerialComm's data listener: one thread then owns the port's whole
 * life (open, read, failure, backoff, reopen) and sees a failed read as a -1 from the call it made,
 * instead of sharing the reader with a library event thread.
 */
public final class SerialTransport implements Transport {
  private static final Logger log = LoggerFactory.getLogger(SerialTransport.class);
  /** XBee's 64-bit broadcast address: every radio in the network gets the frame. */
  static final WirelessNodeId XBEE_BROADCAST =
      WirelessNodeId.of(new byte[] {0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF});
  /** Threads stop within a read timeout; this only bounds a wait for a misbehaving listener. */
  private static final Duration STOP_WAIT = Duration.ofSeconds(2);
  /** Serial sensors send small packets; a larger length field on a noisy line is garbage. */
  private static final int MAX_FRAME = 2048;

  private final SerialPortConfig config;
  private final Supplier<FrameReader> readers;
  private final FrameWriter writer;
  private final boolean xbeeBroadcast;
  private final SerialTransportOptions options;
  private final PortEnvironment environment;
  private final TransportStats stats;
  private final LongAdder reopens;
  private final LongAdder bytesRead;
  private final LongAdder bytesWritten;
  private final ActiveLine active = new ActiveLine();
  private final BlockingQueue<Outbound> sends;
  private final AtomicBoolean warnedWrongPeer = new AtomicBoolean();
  private volatile Running running;
  private volatile boolean closed;

  /** The threads of a started transport. */
  private record Running(PortLoop port, Thread portThread, Thread writerThread) {}

  /**
   * @param config the port; its device path is opened as given
   * @param readers a new frame reader for each time the port opens, so none carries a partial frame
   *     over from before
   * @param writer frames each outgoing packet, with the radio node of its {@link SerialPeer}
   * @param xbeeBroadcast whether the framing addresses radios (XBee): then {@link #broadcast}
   *     sends to the XBee broadcast address; otherwise there is no broadcast
   */
  public SerialTransport(SerialPortConfig config, Supplier<FrameReader> readers, FrameWriter writer,
      boolean xbeeBroadcast, SerialTransportOptions options) {
    this(config, readers, writer, xbeeBroadcast, options,
        PortEnvironment.real(config, options.reopenBackoff(), GatewayEvents.NONE));
  }

  /** A transport on the port with its configured framing and the default options. */
  public static SerialTransport of(SerialPortConfig config) {
    return of(config, GatewayEvents.NONE);
  }

  /** The same, telling {@code events} each time the port comes back after it was lost. */
  public static SerialTransport of(SerialPortConfig config, GatewayEvents events) {
    Framing framing = config.framing();
    SerialTransportOptions options = SerialTransportOptions.of(MAX_FRAME);
    return new SerialTransport(config, () -> Framings.reader(framing, MAX_FRAME), Framings.writer(framing),
        framing.addressesRadios(), options, PortEnvironment.real(config, options.reopenBackoff(), events));
  }

  SerialTransport(SerialPortConfig config, Supplier<FrameReader> readers, FrameWriter writer,
      boolean xbeeBroadcast, SerialTransportOptions options, PortEnvironment environment) {
    this.config = Objects.requireNonNull(config, "config");
    this.readers = Objects.requireNonNull(readers, "readers");
    this.writer = Objects.requireNonNull(writer, "writer");
    this.xbeeBroadcast = xbeeBroadcast;
    this.options = Objects.requireNonNull(options, "options");
    this.environment = Objects.requireNonNull(environment, "environment");
    this.sends = new ArrayBlockingQueue<>(options.sendQueueCapacity());
    this.stats = new TransportStats("serial", Optional.of(new TransportStats.Tag("port", config.device())));
    this.reopens = stats.counter("reopens", "times the port came back after it was lost");
    this.bytesRead = stats.counter("bytes.received", "bytes read from the port");
    this.bytesWritten = stats.counter("bytes.sent", "bytes written to the port");
    stats.gauge("open", "1 while the port is open", () -> isOpen() ? 1 : 0);
  }

  @Override
  public String name() {
    return "serial:" + config.device();
  }

  /**
   * Starts the port and writer threads and returns; the port opens on its own thread. A missing
   * port is not an error: it is logged once and opened when it appears.
   *
   * @throws TransportException for settings that can never work, naming each bad field
   */
  @Override
  public synchronized void start(TransportListener listener) throws TransportException {
    Objects.requireNonNull(listener, "listener");
    if (closed) {
      throw new IllegalStateException(name() + " is closed");
    }
    if (running != null) {
      throw new IllegalStateException(name() + " is already started");
    }
    List<String> problems = PortConfigCheck.problems(config);
    if (!problems.isEmpty()) {
      throw new TransportException("Serial port " + config.device() + " cannot work: " + String.join("; ", problems));
    }
    String device = config.device();
    PortLoop port = new PortLoop(device, environment, readers, new FrameDispatcher(device, listener, stats),
        active, options.reopenBackoff(), reopens, bytesRead);
    Running now = new Running(port,
        thread("serial-read " + device, port),
        thread("serial-write " + device, new WriteLoop(sends, writer, active, stats, bytesWritten)));
    running = now;
    now.portThread().start();
    now.writerThread().start();
  }

  private static Thread thread(String name, Runnable task) {
    Thread thread = new Thread(task, name);
    // A transport that was never closed must not keep the JVM alive.
    thread.setDaemon(true);
    return thread;
  }

  @Override
  public void send(PeerAddress to, ByteBuffer frame) {
    if (to instanceof SerialPeer serial && serial.port().equals(config.device())) {
      enqueue(new Outbound(serial.radioNode(), frame));
      return;
    }
    stats.dropped().increment();
    if (warnedWrongPeer.compareAndSet(false, true)) {
      log.warn("{} cannot reach {}: frames to peers of other ports or transports are dropped (a wiring bug)",
          name(), to);
    }
  }

  @Override
  public boolean canBroadcast() {
    return xbeeBroadcast;
  }

  @Override
  public void broadcast(ByteBuffer frame) {
    if (xbeeBroadcast) {
      enqueue(new Outbound(Optional.of(XBEE_BROADCAST), frame));
    } else {
      drop("this framing has no broadcast");
    }
  }

  private void enqueue(Outbound out) {
    if (running == null || closed) {
      drop("the transport is not running");
    } else if (!isOpen()) {
      // Frames for sensors of a port that is gone are stale by the time it is back.
      drop("the port is not open");
    } else if (out.frame().remaining() > options.maxFrameSize()) {
      drop("a frame of " + out.frame().remaining() + " bytes exceeds maxFrameSize " + options.maxFrameSize());
    } else if (!sends.offer(out)) {
      drop("the send queue is full");
    }
  }

  private void drop(String why) {
    stats.dropped().increment();
    log.debug("{} dropped a frame: {}", name(), why);
  }

  @Override
  public int maxFrameSize() {
    return options.maxFrameSize();
  }

  /** Whether the port is open now; false while it is missing or being reopened. */
  public boolean isOpen() {
    return active.get().isPresent();
  }

  @Override
  public TransportStats stats() {
    return stats;
  }

  /** Bytes read from the port. */
  public long bytesReceived() {
    return bytesRead.sum();
  }

  /** Bytes written to the port, framing included. */
  public long bytesSent() {
    return bytesWritten.sum();
  }

  /** Times the port opened again after it was lost. */
  public long reopenCount() {
    return reopens.sum();
  }

  /**
   * Stops both threads and closes the port, without reporting sensors lost: the gateway is going
   * down, not the link. Idempotent; returns once the threads have ended.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    Running now = running;
    if (now == null) {
      return;
    }
    now.port().stop();
    now.writerThread().interrupt();
    awaitEnd(now.portThread());
    awaitEnd(now.writerThread());
    sends.clear();
    log.info("Serial port {} closed", config.device());
  }

  private static void awaitEnd(Thread thread) {
    if (thread == Thread.currentThread()) {
      // close() called by the listener on the port thread: the loop ends once the call returns.
      return;
    }
    try {
      thread.join(STOP_WAIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (thread.isAlive()) {
      log.warn("Thread {} did not stop within {}", thread.getName(), LogFormat.duration(STOP_WAIT));
    }
  }
}
