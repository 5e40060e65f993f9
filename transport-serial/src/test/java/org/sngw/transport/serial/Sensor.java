package org.sngw.transport.serial;

import static org.assertj.core.api.Assertions.assertThat;

import com.fazecast.jSerialComm.SerialPort;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sngw.transport.WirelessNodeId;
import org.sngw.transport.serial.framing.FrameHandler;

/** A sensor on the far end of a pty pair, talking MQTT-SN with length framing. */
final class Sensor implements AutoCloseable {
  private static final long READ_DEADLINE_NANOS = 5_000_000_000L;

  private final SerialPort port;
  private final LengthFraming framing = new LengthFraming();
  private final List<byte[]> received = new ArrayList<>();

  private Sensor(SerialPort port) {
    this.port = port;
  }

  static Sensor open(Path link) {
    SerialPort port = SerialPort.getCommPort(link.toString());
    port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 100, 0);
    assertThat(port.openPort()).as("sensor end %s opens", link).isTrue();
    return new Sensor(port);
  }

  /** Writes the packets back to back in one write, as a burst. */
  void send(byte[]... packets) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (byte[] packet : packets) {
      bytes.writeBytes(packet);
    }
    byte[] all = bytes.toByteArray();
    assertThat(port.writeBytes(all, all.length)).isEqualTo(all.length);
  }

  /** The next {@code count} packets from the gateway, waiting up to five seconds for them. */
  List<byte[]> receive(int count) {
    FrameHandler collect = new FrameHandler() {
      @Override
      public void frame(Optional<WirelessNodeId> radioNode, ByteBuffer frame) {
        byte[] copy = new byte[frame.remaining()];
        frame.get(copy);
        received.add(copy);
      }

      @Override
      public void discarded(String reason) {
        throw new AssertionError("the gateway sent a bad frame: " + reason);
      }
    };
    byte[] buffer = new byte[4096];
    long deadline = System.nanoTime() + READ_DEADLINE_NANOS;
    while (received.size() < count && System.nanoTime() - deadline < 0) {
      int read = port.readBytes(buffer, buffer.length);
      assertThat(read).as("sensor read").isNotNegative();
      framing.read(ByteBuffer.wrap(buffer, 0, read), System.nanoTime(), collect);
    }
    assertThat(received).as("packets from the gateway").hasSizeGreaterThanOrEqualTo(count);
    List<byte[]> next = new ArrayList<>(received.subList(0, count));
    received.subList(0, count).clear();
    return next;
  }

  @Override
  public void close() {
    port.closePort();
  }
}
