package org.sngw.transport.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sngw.time.Backoff;
import org.sngw.transport.SerialPeer;
import org.sngw.transport.TransportException;

/**
 * The transport on real ptys: socat makes a pair, the transport opens the gateway's end through
 * its link with jSerialComm, and the test plays the sensor on the other end.
 */
class SerialTransportIT {
  private static final Backoff FAST = new Backoff(Duration.ofMillis(20), Duration.ofMillis(200));
  private static final byte[] PINGREQ = {2, 0x16};
  private static final byte[] PINGRESP = {2, 0x17};

  @TempDir
  Path dir;

  private final RecordingListener listener = new RecordingListener();
  private final List<AutoCloseable> resources = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = resources.size() - 1; i >= 0; i--) {
      resources.get(i).close();
    }
  }

  private <T extends AutoCloseable> T closedAfter(T resource) {
    resources.add(resource);
    return resource;
  }

  private SerialTransport start(Path device) throws TransportException {
    SerialTransport transport = closedAfter(new SerialTransport(SerialPortConfig.of(device.toString()),
        LengthFraming::new, new LengthFraming(), false, SerialTransportOptions.of(255).withReopenBackoff(FAST)));
    transport.start(listener);
    return transport;
  }

  private static ConditionFactory eventually() {
    return Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10));
  }

  @Test
  void frames_flowBothWays() throws Exception {
    SocatPty pty = closedAfter(SocatPty.start(dir));
    SerialTransport transport = start(pty.gateway);
    Sensor sensor = closedAfter(Sensor.open(pty.sensor));
    eventually().until(transport::isOpen);

    sensor.send(PINGREQ);
    eventually().until(() -> listener.frames.size() == 1);
    SerialPeer peer = SerialPeer.of(pty.gateway.toString());
    assertThat(listener.frames.get(0).from()).isEqualTo(peer);
    assertThat(listener.frames.get(0).frame()).isEqualTo(PINGREQ);

    transport.send(peer, ByteBuffer.wrap(PINGRESP));
    assertThat(sensor.receive(1)).containsExactly(PINGRESP);
    // The sensor may read the bytes before the writer thread has counted them.
    eventually().until(() -> transport.stats().sent().sum() == 1);
    assertThat(transport.bytesSent()).isEqualTo(2);
    assertThat(transport.bytesReceived()).isEqualTo(2);
  }

  @Test
  void burst_ofFramesBothWays_allArriveInOrder() throws Exception {
    SocatPty pty = closedAfter(SocatPty.start(dir));
    SerialTransport transport = start(pty.gateway);
    Sensor sensor = closedAfter(Sensor.open(pty.sensor));
    eventually().until(transport::isOpen);
    List<byte[]> burst = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      burst.add(LengthFraming.packet(7 + i % 60, i));
    }

    sensor.send(burst.toArray(byte[][]::new));
    eventually().until(() -> listener.frames.size() == burst.size());
    assertThat(listener.frames).extracting(RecordingListener.Received::frame).containsExactlyElementsOf(burst);

    SerialPeer peer = SerialPeer.of(pty.gateway.toString());
    burst.forEach(packet -> transport.send(peer, ByteBuffer.wrap(packet)));
    assertThat(sensor.receive(burst.size())).containsExactlyElementsOf(burst);
    assertThat(transport.stats().dropped().sum()).isZero();
  }

  @Test
  void ptyRecreated_losesThePeerThenReopensAndFramesFlowAgain() throws Exception {
    SocatPty pty = SocatPty.start(dir);
    SerialTransport transport = start(pty.gateway);
    SerialPeer peer = SerialPeer.of(pty.gateway.toString());
    try (Sensor sensor = Sensor.open(pty.sensor)) {
      eventually().until(transport::isOpen);
      sensor.send(PINGREQ);
      eventually().until(() -> listener.frames.size() == 1);
    }

    pty.close();
    eventually().until(() -> listener.lost.size() == 1);
    assertThat(listener.lost).containsExactly(peer);
    SocatPty again = closedAfter(SocatPty.start(dir));

    eventually().until(() -> transport.reopenCount() == 1 && transport.isOpen());
    Sensor sensor = closedAfter(Sensor.open(again.sensor));
    sensor.send(PINGREQ);
    eventually().until(() -> listener.frames.size() == 2);
    assertThat(listener.frames.get(1).from()).isEqualTo(peer);
    transport.send(peer, ByteBuffer.wrap(PINGRESP));
    assertThat(sensor.receive(1)).containsExactly(PINGRESP);
    assertThat(listener.lost).hasSize(1);
  }

  @Test
  void portMissingAtStart_opensWhenItAppears() throws Exception {
    SerialTransport transport = start(dir.resolve("gw"));
    assertThat(transport.isOpen()).isFalse();

    SocatPty pty = closedAfter(SocatPty.start(dir));

    eventually().until(transport::isOpen);
    Sensor sensor = closedAfter(Sensor.open(pty.sensor));
    sensor.send(PINGREQ);
    eventually().until(() -> listener.frames.size() == 1);
    assertThat(transport.reopenCount()).isZero();
  }

  @Test
  void portHeldByAnotherTransport_opensOnceItIsReleased() throws Exception {
    SocatPty pty = closedAfter(SocatPty.start(dir));
    SerialTransport holder = start(pty.gateway);
    eventually().until(holder::isOpen);
    SerialTransport waiting = start(pty.gateway);
    eventually().until(() -> !waiting.isOpen());

    holder.close();

    eventually().until(waiting::isOpen);
  }

  @Test
  void close_stopsTheThreadsPromptlyAndReleasesThePort() throws Exception {
    SocatPty pty = closedAfter(SocatPty.start(dir));
    SerialTransport transport = start(pty.gateway);
    eventually().until(transport::isOpen);

    assertTimeoutPreemptively(Duration.ofSeconds(1), transport::close);

    assertThat(threadsOf(pty.gateway)).isEmpty();
    assertThat(transport.isOpen()).isFalse();
    SerialTransport next = start(pty.gateway);
    eventually().until(next::isOpen);
  }

  @Test
  void send_sensorNotReading_neverBlocksAndCloseStaysPrompt() throws Exception {
    SocatPty pty = closedAfter(SocatPty.start(dir));
    SerialTransport transport = start(pty.gateway);
    closedAfter(Sensor.open(pty.sensor));
    eventually().until(transport::isOpen);
    SerialPeer peer = SerialPeer.of(pty.gateway.toString());

    assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
      for (int i = 0; i < 5_000; i++) {
        transport.send(peer, ByteBuffer.wrap(LengthFraming.packet(255, i)));
      }
    });

    assertThat(transport.stats().dropped().sum()).isPositive();
    assertTimeoutPreemptively(Duration.ofSeconds(1), transport::close);
    assertThat(threadsOf(pty.gateway)).isEmpty();
  }

  private static List<Thread> threadsOf(Path device) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("serial-") && t.getName().endsWith(device.toString()))
        .toList();
  }
}
