package org.sngw.transport.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.sngw.config.ListenAddress;
import org.sngw.runtime.IoLoops;
import org.sngw.runtime.TransportContext;
import org.sngw.time.Clock;
import org.sngw.time.Scheduler;
import org.sngw.transport.PeerAddress;
import org.sngw.transport.SerialPeer;
import org.sngw.transport.TransportException;
import org.sngw.transport.TransportListener;
import org.sngw.transport.UdpPeer;

/** Real sockets, loopback only: the transport on 127.0.0.1 or ::1, sensors as DatagramSockets. */
class UdpTransportIT {
  private static final String NO_NATIVE = "io.netty.transport.noNative";
  private static final Duration WAIT = Duration.ofSeconds(10);

  private static IoLoops ioLoops;

  private final Received received = new Received();
  private UdpTransport transport;
  private DatagramSocket sensor;

  @BeforeAll
  static void startLoops() {
    ioLoops = IoLoops.create(1);
  }

  @AfterAll
  static void stopLoops() {
    ioLoops.close();
  }

  @AfterEach
  void closeSockets() {
    if (transport != null) {
      transport.close();
    }
    if (sensor != null) {
      sensor.close();
    }
  }

  @Test
  @EnabledIfSystemProperty(named = NO_NATIVE, matches = "true")
  void ioLoops_withNativeDisabled_useNio() {
    assertThat(ioLoops.isEpoll()).isFalse();
  }

  @Test
  @EnabledOnOs(value = OS.LINUX, architectures = {"amd64", "aarch64"})
  @DisabledIfSystemProperty(named = NO_NATIVE, matches = "true")
  void ioLoops_onLinux_useEpoll() {
    assertThat(ioLoops.isEpoll()).isTrue();
  }

  @Test
  void start_datagramFromSensor_reachesListenerWithPeerAndBytes() throws Exception {
    start(UdpTransportConfig.of(loopback4()), received);
    sensor = sensorOn("127.0.0.1");

    sendFromSensor(new byte[] {0x02, 0x16}); // length 2, PINGREQ

    await().atMost(WAIT).until(() -> !received.frames.isEmpty());
    Frame frame = received.frames.peek();
    assertThat(frame.from()).isEqualTo(new UdpPeer((InetSocketAddress) sensor.getLocalSocketAddress()));
    assertThat(frame.bytes()).containsExactly(0x02, 0x16);
    assertThat(transport.stats().received().sum()).isEqualTo(1);
  }

  @Test
  void start_port0_boundAddressHasTheRealPort() throws Exception {
    start(UdpTransportConfig.of(loopback4()), received);

    assertThat(transport.boundAddress().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    assertThat(transport.boundAddress().getPort()).isPositive();
  }

  @Test
  void start_ipv4SocketWithIpv6BroadcastTarget_isRefusedNamingBoth() {
    InetSocketAddress ipv6Target = new InetSocketAddress("::1", 1884);
    transport = new UdpTransport(UdpTransportConfig.of(loopback4()).withBroadcastTarget(ipv6Target), ioLoops);

    assertThatThrownBy(() -> transport.start(received))
        .isInstanceOf(TransportException.class)
        .hasMessage("UDP cannot broadcast to [0:0:0:0:0:0:0:1]:1884 from an IPv4 socket (127.0.0.1:0)");
  }

  @Test
  void send_toUdpPeer_reachesSensorFromBoundAddress() throws Exception {
    start(UdpTransportConfig.of(loopback4()), received);
    sensor = sensorOn("127.0.0.1");

    transport.send(new UdpPeer(sensorAddress()), ByteBuffer.wrap(new byte[] {0x02, 0x17})); // PINGRESP

    DatagramPacket reply = receiveOnSensor();
    assertThat(Arrays.copyOf(reply.getData(), reply.getLength())).containsExactly(0x02, 0x17);
    assertThat(reply.getSocketAddress()).isEqualTo(transport.boundAddress());
    await().atMost(WAIT).until(() -> transport.stats().sent().sum() == 1);
  }

  @Test
  void start_burstOf2000Datagrams_allArrive() throws Exception {
    assumeThat(hostGrantsReceiveBuffer(UdpTransportConfig.DEFAULT_RECEIVE_BUFFER_BYTES))
        .as("net.core.rmem_max allows a 4 MiB receive buffer").isTrue();
    start(UdpTransportConfig.of(loopback4()), received);
    sensor = sensorOn("127.0.0.1");
    int burst = 2_000;

    for (int i = 0; i < burst; i++) {
      sendFromSensor(new byte[] {0x06, 0x0C, 0x00, 0x00, (byte) (i >> 8), (byte) i}); // PUBLISH-ish
    }

    await().atMost(WAIT).until(() -> transport.stats().received().sum() == burst);
    assertThat(received.frames).hasSize(burst);
  }

  @Test
  void start_receiveBufferBeyondTheKernelsCap_reportsWhatWasGranted() throws Exception {
    int asked = 256 << 20;
    start(UdpTransportConfig.of(loopback4()).withReceiveBufferBytes(asked), received);

    // readString would trust the size /proc reports, which is none.
    int cap = Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/net/core/rmem_max")).get(0).strip());
    assertThat(transport.receiveBufferBytes()).isEqualTo(Math.min(asked, cap));
    assertThat(UdpTransport.smallBufferWarning(transport.receiveBufferBytes(), asked)).hasValueSatisfying(
        warning -> assertThat(warning).contains("sysctl -w net.core.rmem_max=" + asked));
    assertThat(UdpTransport.smallBufferWarning(asked, asked)).as("nothing to say when granted").isEmpty();
  }

  @Test
  void open_fromSettings_asksForTheConfiguredReceiveBuffer() throws Exception {
    int asked = 128 * 1024; // under every kernel's default cap (Debian's is 208 KiB)
    UdpSettings settings = new UdpSettings(loopback4(), Optional.empty(), asked);
    Scheduler unused = (delay, task) -> () -> { };
    transport = (UdpTransport) settings.open(new TransportContext(ioLoops, unused, Clock.SYSTEM));
    transport.start(received);

    assertThat(transport.receiveBufferBytes()).isEqualTo(asked);
  }

  @Test
  void broadcast_withTarget_reachesTheTarget() throws Exception {
    sensor = sensorOn("127.0.0.1");
    start(UdpTransportConfig.of(loopback4()).withBroadcastTarget(sensorAddress()), received);

    transport.broadcast(ByteBuffer.wrap(new byte[] {0x03, 0x00, 0x01})); // ADVERTISE-like

    assertThat(transport.canBroadcast()).isTrue();
    DatagramPacket advertise = receiveOnSensor();
    assertThat(Arrays.copyOf(advertise.getData(), advertise.getLength())).containsExactly(0x03, 0x00, 0x01);
  }

  @Test
  void broadcast_withoutTarget_cannotBroadcastAndCountsADrop() throws Exception {
    start(UdpTransportConfig.of(loopback4()), received);

    transport.broadcast(ByteBuffer.wrap(new byte[] {0x03, 0x00, 0x01}));

    assertThat(transport.canBroadcast()).isFalse();
    assertThat(transport.stats().dropped().sum()).isEqualTo(1);
  }

  @Test
  void start_portInUse_throwsTransportExceptionNamingAddressAndReason() throws Exception {
    sensor = sensorOn("127.0.0.1");
    int taken = sensor.getLocalPort();
    transport = new UdpTransport(UdpTransportConfig.of(new ListenAddress("127.0.0.1", taken)), ioLoops);

    assertThatThrownBy(() -> transport.start(received))
        .isInstanceOf(TransportException.class)
        .hasMessage("UDP cannot bind 127.0.0.1:" + taken + ": Address already in use");
  }

  @Test
  void onFrame_whenListenerThrows_laterFramesStillArrive() throws Exception {
    Received failingFirst = new Received() {
      @Override
      public void onFrame(PeerAddress from, ByteBuffer frame) {
        if (frame.get(0) == 0) {
          throw new IllegalStateException("listener bug");
        }
        super.onFrame(from, frame);
      }
    };
    start(UdpTransportConfig.of(loopback4()), failingFirst);
    sensor = sensorOn("127.0.0.1");

    sendFromSensor(new byte[] {0x00});
    sendFromSensor(new byte[] {0x02, 0x16});

    await().atMost(WAIT).until(() -> failingFirst.frames.size() == 1);
    assertThat(failingFirst.frames.peek().bytes()).containsExactly(0x02, 0x16);
    assertThat(transport.stats().listenerErrors().sum()).isEqualTo(1);
  }

  @Test
  void start_onIpv6Loopback_receivesAndReplies() throws Exception {
    assumeThat(ipv6LoopbackWorks()).as("::1 usable on this host").isTrue();
    start(UdpTransportConfig.of(new ListenAddress("::1", 0)), received);
    sensor = sensorOn("::1");

    sendFromSensor(new byte[] {0x02, 0x16});
    await().atMost(WAIT).until(() -> !received.frames.isEmpty());
    transport.send(received.frames.peek().from(), ByteBuffer.wrap(new byte[] {0x02, 0x17}));

    assertThat(received.frames.peek().from()).isEqualTo(new UdpPeer(sensorAddress()));
    DatagramPacket reply = receiveOnSensor();
    assertThat(Arrays.copyOf(reply.getData(), reply.getLength())).containsExactly(0x02, 0x17);
  }

  @Test
  void send_toNonUdpPeer_dropsAndCounts() throws Exception {
    start(UdpTransportConfig.of(loopback4()), received);

    transport.send(SerialPeer.of("/dev/ttyUSB0"), ByteBuffer.wrap(new byte[] {0x02, 0x17}));
    transport.send(SerialPeer.of("/dev/ttyUSB0"), ByteBuffer.wrap(new byte[] {0x02, 0x17}));

    assertThat(transport.stats().dropped().sum()).isEqualTo(2);
    assertThat(transport.stats().sent().sum()).isZero();
  }

  @Test
  void close_twice_isIdempotentAndFreesThePort() throws Exception {
    start(UdpTransportConfig.of(loopback4()), received);
    InetSocketAddress bound = transport.boundAddress();

    transport.close();
    transport.close();
    transport.send(new UdpPeer(bound), ByteBuffer.wrap(new byte[] {0x02, 0x17}));

    assertThat(transport.stats().dropped().sum()).isEqualTo(1);
    // With NIO the JDK closes a channel's socket only when its selector next deregisters the key,
    // which may be just after close() returned: the port is free soon, not necessarily at once.
    await().atMost(Duration.ofSeconds(5)).ignoreException(SocketException.class).untilAsserted(() -> {
      try (DatagramSocket again = new DatagramSocket(bound)) {
        assertThat(again.getLocalPort()).isEqualTo(bound.getPort());
      }
    });
  }

  private void start(UdpTransportConfig config, TransportListener listener) throws TransportException {
    transport = new UdpTransport(config, ioLoops);
    transport.start(listener);
  }

  private static ListenAddress loopback4() {
    return new ListenAddress("127.0.0.1", 0);
  }

  private static DatagramSocket sensorOn(String loopback) throws IOException {
    DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(loopback), 0));
    socket.setSoTimeout((int) WAIT.toMillis());
    return socket;
  }

  private InetSocketAddress sensorAddress() {
    return (InetSocketAddress) sensor.getLocalSocketAddress();
  }

  private void sendFromSensor(byte[] frame) throws IOException {
    sensor.send(new DatagramPacket(frame, frame.length, transport.boundAddress()));
  }

  private DatagramPacket receiveOnSensor() throws IOException {
    DatagramPacket packet = new DatagramPacket(new byte[UdpTransportConfig.MAX_DATAGRAM], UdpTransportConfig.MAX_DATAGRAM);
    sensor.receive(packet);
    return packet;
  }

  private static boolean hostGrantsReceiveBuffer(int bytes) throws SocketException {
    try (DatagramSocket probe = new DatagramSocket(null)) {
      probe.setReceiveBufferSize(bytes);
      return probe.getReceiveBufferSize() >= bytes;
    }
  }

  private static boolean ipv6LoopbackWorks() {
    try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("::1"), 0))) {
      return probe.getLocalPort() > 0;
    } catch (IOException e) {
      return false;
    }
  }

  private record Frame(PeerAddress from, byte[] bytes) {}

  /** Copies every frame, as the TransportListener contract asks. */
  private static class Received implements TransportListener {
    final Queue<Frame> frames = new ConcurrentLinkedQueue<>();

    @Override
    public void onFrame(PeerAddress from, ByteBuffer frame) {
      byte[] bytes = new byte[frame.remaining()];
      frame.get(bytes);
      frames.add(new Frame(from, bytes));
    }

    @Override
    public void onPeerLost(PeerAddress peer) {}
  }
}
