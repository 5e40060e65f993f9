package org.sngw.transport.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sngw.transport.SerialPeer;
import org.sngw.transport.TransportException;
import org.sngw.transport.UdpPeer;
import org.sngw.transport.WirelessNodeId;
import org.sngw.transport.serial.framing.FrameHandler;
import org.sngw.transport.serial.framing.Framing;
import org.sngw.transport.serial.framing.FrameReader;

/** The transport's threads and lifecycle against fake lines, a recorded backoff and a fake clock. */
class SerialTransportTest {
  private static final String DEVICE = "/dev/serial/by-id/usb-FTDI_FT232R-if00-port0";
  private static final SerialPortConfig CONFIG = SerialPortConfig.of(DEVICE);
  private static final byte[] NODE_A = {0, 0x13, (byte) 0xA2, 0, 1, 2, 3, 4};
  private static final byte[] NODE_B = {0, 0x13, (byte) 0xA2, 0, 5, 6, 7, 8};
  private static final byte[] NO_NODE = {};
  private static final int[] PINGREQ = {2, 0x16};

  private final ScriptedOpener opener = new ScriptedOpener();
  private final RecordingEvents events = new RecordingEvents();
  private final RecordingListener listener = new RecordingListener();
  private final List<Duration> pauses = new CopyOnWriteArrayList<>();
  private final AtomicInteger readersMade = new AtomicInteger();
  private final List<Long> readTimes = new CopyOnWriteArrayList<>();
  private final Supplier<FrameReader> readers = () -> {
    readersMade.incrementAndGet();
    TaggedFraming framing = new TaggedFraming();
    return new FrameReader() {
      @Override
      public void read(ByteBuffer bytes, long nowNanos, FrameHandler handler) {
        readTimes.add(nowNanos);
        framing.read(bytes, nowNanos, handler);
      }

      @Override
      public void reset() {
        framing.reset();
      }
    };
  };
  private final AtomicLong clock = new AtomicLong(42);
  private SerialTransport transport;

  /** Records each delay and waits only a moment, so retries run at once but never spin. */
  private final RetryPause recordedPause = (delay, closing) -> {
    pauses.add(delay);
    closing.await(1, TimeUnit.MILLISECONDS);
  };

  @AfterEach
  void close() {
    if (transport != null) {
      transport.close();
    }
  }

  private SerialTransport transport(boolean xbee, SerialTransportOptions options, RetryPause pause) {
    transport = new SerialTransport(CONFIG, readers, new TaggedFraming(), xbee, options,
        new PortEnvironment(opener, events, pause, clock::get));
    return transport;
  }

  private SerialTransport started(boolean xbee) throws TransportException {
    transport(xbee, SerialTransportOptions.of(64).withSendQueueCapacity(4), recordedPause).start(listener);
    return transport;
  }

  private static ConditionFactory eventually() {
    return Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5));
  }

  private static SerialPeer peer(byte[] node) {
    return new SerialPeer(DEVICE, node.length == 0 ? Optional.empty() : Optional.of(WirelessNodeId.of(node)));
  }

  @Test
  void name_isSerialAndTheDeviceAsGiven() {
    assertThat(transport(false, SerialTransportOptions.of(64), recordedPause).name()).isEqualTo("serial:" + DEVICE);
  }

  @Test
  void start_invalidConfig_throwsNamingEachBadField() {
    SerialPortConfig bad = new SerialPortConfig(DEVICE, -9600, 4, SerialPortConfig.Parity.NONE,
        SerialPortConfig.StopBits.ONE, SerialPortConfig.FlowControl.NONE, Framing.PLAIN);
    transport = new SerialTransport(bad, readers, new TaggedFraming(), false, SerialTransportOptions.of(64),
        new PortEnvironment(opener, events, recordedPause, clock::get));

    assertThatThrownBy(() -> transport.start(listener))
        .isInstanceOf(TransportException.class)
        .hasMessageContaining(DEVICE)
        .hasMessageContaining("baud must be positive: -9600")
        .hasMessageContaining("dataBits must be 5..8: 4");
    assertThat(opener.attempts).hasValue(0);
  }

  @Test
  void start_twice_isRejected() throws TransportException {
    started(false);

    assertThatThrownBy(() -> transport.start(listener)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void start_portMissing_reportsOnceThenRetriesWithBackoffUntilItAppears() throws TransportException {
    transport(false, SerialTransportOptions.of(64), recordedPause).start(listener);
    eventually().until(() -> opener.attempts.get() >= 7);

    opener.thenOpens(new FakeLine());

    eventually().until(transport::isOpen);
    List<String> seen = List.copyOf(events.events);
    assertThat(seen.get(0)).isEqualTo("unavailable: no such device");
    assertThat(seen.subList(1, seen.size() - 1)).allMatch(e -> e.startsWith("still unavailable"));
    assertThat(seen).last().isEqualTo("opened");
    assertThat(List.copyOf(pauses).subList(0, 7))
        .extracting(Duration::toSeconds).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L);
    assertThat(transport.reopenCount()).isZero();
  }

  @Test
  void read_frames_reachTheListenerFromTheirRadioNodesWithTheClock() throws TransportException {
    FakeLine line = new FakeLine();
    opener.thenOpens(line);
    started(true);

    line.receive(TaggedFraming.chunk(NODE_A, PINGREQ));
    line.receive(TaggedFraming.chunk(NODE_B, 2, 0x18));

    eventually().until(() -> listener.frames.size() == 2);
    assertThat(listener.frames.get(0).from()).isEqualTo(peer(NODE_A));
    assertThat(listener.frames.get(0).frame()).containsExactly(2, 0x16);
    assertThat(listener.frames.get(1).from()).isEqualTo(peer(NODE_B));
    assertThat(readTimes).containsOnly(42L);
    assertThat(transport.stats().received().sum()).isEqualTo(2);
    assertThat(transport.bytesReceived()).isEqualTo(2L * (1 + NODE_A.length + 2));
  }

  @Test
  void read_garbage_isCountedAsDiscarded() throws TransportException {
    FakeLine line = new FakeLine();
    opener.thenOpens(line);
    started(false);

    line.receive(new byte[] {9});

    eventually().until(() -> transport.stats().discarded().sum() == 1);
    assertThat(listener.frames).isEmpty();
  }

  @Test
  void read_unplugged_losesEveryPeerHeardThenReopensWithAFreshReader() throws TransportException {
    FakeLine first = new FakeLine();
    FakeLine second = new FakeLine();
    opener.thenOpens(first);
    started(true);
    first.receive(TaggedFraming.chunk(NODE_A, PINGREQ));
    first.receive(TaggedFraming.chunk(NODE_B, PINGREQ));
    first.receive(TaggedFraming.chunk(NODE_A, PINGREQ));
    eventually().until(() -> listener.frames.size() == 3);

    first.unplug();
    eventually().until(() -> listener.lost.size() == 2);
    assertThat(listener.lost).containsExactly(peer(NODE_A), peer(NODE_B));
    assertThat(first.isClosed()).isTrue();
    assertThat(transport.isOpen()).isFalse();
    opener.thenOpens(second);

    eventually().until(transport::isOpen);
    second.receive(TaggedFraming.chunk(NODE_B, PINGREQ));
    eventually().until(() -> listener.frames.size() == 4);
    assertThat(events.events).filteredOn(e -> !e.startsWith("still unavailable"))
        .containsExactly("opened", "lost: unplugged, 2 peer(s)", "reopened");
    assertThat(transport.reopenCount()).isEqualTo(1);
    assertThat(readersMade).hasValue(2);
    assertThat(pauses.get(0)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void read_unpluggedAndStillMissing_warnsOnceForTheWholeOutage() throws TransportException {
    FakeLine line = new FakeLine();
    opener.thenOpens(line);
    started(false);
    line.receive(TaggedFraming.chunk(NO_NODE, PINGREQ));
    eventually().until(() -> listener.frames.size() == 1);

    line.unplug();

    eventually().until(() -> opener.attempts.get() >= 4);
    assertThat(List.copyOf(events.events).subList(0, 4)).containsExactly(
        "opened",
        "lost: unplugged, 1 peer(s)",
        "still unavailable: no such device",
        "still unavailable: no such device");
    assertThat(listener.lost).containsExactly(peer(NO_NODE));
  }

  @Test
  void write_fails_losesThePortAndReopens() throws TransportException {
    FakeLine first = new FakeLine();
    opener.thenOpens(first).thenOpens(new FakeLine());
    started(false);
    first.receive(TaggedFraming.chunk(NO_NODE, PINGREQ));
    eventually().until(() -> listener.frames.size() == 1);
    first.failWrites("write failed: EIO");

    transport.send(peer(NO_NODE), ByteBuffer.wrap(new byte[] {2, 0x17}));

    eventually().until(() -> transport.reopenCount() == 1);
    assertThat(listener.lost).containsExactly(peer(NO_NODE));
    assertThat(events.events).containsExactly("opened", "lost: write failed: EIO, 1 peer(s)", "reopened");
    assertThat(transport.stats().dropped().sum()).isEqualTo(1);
  }

  @Test
  void send_toAPeerOnThisPort_writesItFramedForItsRadioNode() throws TransportException {
    FakeLine line = new FakeLine();
    opener.thenOpens(line);
    started(true);
    eventually().until(transport::isOpen);

    transport.send(peer(NODE_A), ByteBuffer.wrap(new byte[] {2, 0x17}));

    eventually().until(() -> transport.stats().sent().sum() == 1);
    byte[] expected = TaggedFraming.chunk(NODE_A, 2, 0x17);
    assertThat(line.written.poll()).isEqualTo(expected);
    assertThat(transport.bytesSent()).isEqualTo(expected.length);
  }

  @Test
  void send_toAnotherPortOrTransport_dropsAndCounts() throws TransportException {
    FakeLine line = new FakeLine();
    opener.thenOpens(line);
    started(false);
    eventually().until(transport::isOpen);

    transport.send(SerialPeer.of("/dev/ttyUSB1"), ByteBuffer.wrap(new byte[] {2, 0x16}));
    transport.send(new UdpPeer(new InetSocketAddress("127.0.0.1", 1884)), ByteBuffer.wrap(new byte[] {2, 0x16}));

    assertThat(transport.stats().dropped().sum()).isEqualTo(2);
    assertThat(line.written).isEmpty();
  }

  @Test
  void send_portNotOpen_dropsAtOnce() throws TransportException {
    started(false);

    transport.send(peer(NO_NODE), ByteBuffer.wrap(new byte[] {2, 0x16}));

    assertThat(transport.stats().dropped().sum()).isEqualTo(1);
  }

  @Test
  void send_beforeStart_drops() {
    transport(false, SerialTransportOptions.of(64), recordedPause)
        .send(peer(NO_NODE), ByteBuffer.wrap(new byte[] {2, 0x16}));

    assertThat(transport.stats().dropped().sum()).isEqualTo(1);
  }

  @Test
  void send_oversized_drops() throws TransportException {
    opener.thenOpens(new FakeLine());
    started(false);
    eventually().until(transport::isOpen);

    transport.send(peer(NO_NODE), ByteBuffer.allocate(65));

    assertThat(transport.stats().dropped().sum()).isEqualTo(1);
  }

  @Test
  void send_lineStuck_neverBlocksAndDropsWhatTheQueueCannotHold() throws TransportException {
    FakeLine line = new FakeLine();
    line.stick();
    opener.thenOpens(line);
    started(false);
    eventually().until(transport::isOpen);
    transport.send(peer(NO_NODE), ByteBuffer.wrap(new byte[] {2, 0x16}));
    eventually().until(() -> line.writesStarted.get() == 1);

    assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
      for (int i = 0; i < 4 + 100; i++) {
        transport.send(peer(NO_NODE), ByteBuffer.wrap(new byte[] {2, 0x16}));
      }
    });

    assertThat(transport.stats().dropped().sum()).isEqualTo(100);
  }

  @Test
  void broadcast_plainFraming_cannotAndDrops() throws TransportException {
    FakeLine line = new FakeLine();
    opener.thenOpens(line);
    started(false);
    eventually().until(transport::isOpen);

    transport.broadcast(ByteBuffer.wrap(new byte[] {3, 0x00, 1}));

    assertThat(transport.canBroadcast()).isFalse();
    assertThat(transport.stats().dropped().sum()).isEqualTo(1);
  }

  @Test
  void broadcast_xbee_goesToTheBroadcastAddress() throws TransportException {
    FakeLine line = new FakeLine();
    opener.thenOpens(line);
    started(true);
    eventually().until(transport::isOpen);

    transport.broadcast(ByteBuffer.wrap(new byte[] {3, 0x00, 1}));

    eventually().until(() -> transport.stats().sent().sum() == 1);
    assertThat(transport.canBroadcast()).isTrue();
    assertThat(line.written.poll())
        .isEqualTo(TaggedFraming.chunk(new byte[] {0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF}, 3, 0x00, 1));
  }

  @Test
  void close_whileReading_stopsBothThreadsPromptlyAndReportsNoLoss() throws TransportException {
    FakeLine line = new FakeLine();
    opener.thenOpens(line);
    started(false);
    line.receive(TaggedFraming.chunk(NO_NODE, PINGREQ));
    eventually().until(() -> listener.frames.size() == 1);

    assertTimeoutPreemptively(Duration.ofSeconds(1), transport::close);

    assertThat(line.isClosed()).isTrue();
    assertThat(transportThreads()).isEmpty();
    assertThat(listener.lost).isEmpty();
  }

  @Test
  void close_whileWaitingToRetry_stopsAtOnce() throws TransportException {
    transport(false, SerialTransportOptions.of(64), RetryPause.TIMED).start(listener);
    eventually().until(() -> opener.attempts.get() == 1);

    assertTimeoutPreemptively(Duration.ofSeconds(1), transport::close);

    assertThat(transportThreads()).isEmpty();
  }

  @Test
  void close_withAWriteStuck_stopsPromptly() throws TransportException {
    FakeLine line = new FakeLine();
    line.stick();
    opener.thenOpens(line);
    started(false);
    eventually().until(transport::isOpen);
    transport.send(peer(NO_NODE), ByteBuffer.wrap(new byte[] {2, 0x16}));
    eventually().until(() -> line.writesStarted.get() == 1);

    assertTimeoutPreemptively(Duration.ofSeconds(1), transport::close);

    assertThat(transportThreads()).isEmpty();
  }

  @Test
  void close_twiceOrUnstarted_isHarmless() {
    transport(false, SerialTransportOptions.of(64), recordedPause).close();
    transport.close();

    assertThatThrownBy(() -> transport.start(listener)).isInstanceOf(IllegalStateException.class);
  }

  private static List<Thread> transportThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("serial-") && t.getName().endsWith(DEVICE))
        .toList();
  }
}
