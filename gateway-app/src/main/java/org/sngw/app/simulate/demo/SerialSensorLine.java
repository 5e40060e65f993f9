package org.sngw.app.simulate.demo;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import org.sngw.sn.codec.SnDecoder;
import org.sngw.sn.codec.SnEncoder;
import org.sngw.sn.codec.SnPacket;
import org.sngw.transport.WirelessNodeId;
import org.sngw.transport.serial.framing.FrameHandler;
import org.sngw.transport.serial.framing.FrameReader;
import org.sngw.transport.serial.framing.Framing;
import org.sngw.transport.serial.framing.Framings;

/** The sensor's end of a serial line, with the plain framing: MQTT-SN packets back to back. */
final class SerialSensorLine implements SensorLine {
  private static final int MAX_FRAME = 2048;

  private final SerialPort port;
  private final String device;
  private final FrameReader reader = Framings.reader(Framing.PLAIN, MAX_FRAME);
  private final ArrayDeque<SnPacket> received = new ArrayDeque<>();
  private final byte[] buffer = new byte[MAX_FRAME];

  SerialSensorLine(Path device) throws IOException {
    this.device = device.toString();
    port = SerialPort.getCommPort(this.device);
    port.setBaudRate(115_200);
    port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 100, 0);
    if (!port.openPort()) {
      throw new IOException("cannot open " + device);
    }
  }

  @Override
  public void send(SnPacket packet) throws IOException {
    ByteBuffer frame = Framings.writer(Framing.PLAIN).write(Optional.empty(), SnEncoder.encode(packet));
    byte[] bytes = new byte[frame.remaining()];
    frame.get(bytes);
    if (port.writeBytes(bytes, bytes.length) != bytes.length) {
      throw new IOException("cannot write to " + device);
    }
  }

  @Override
  public Optional<SnPacket> receive(Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (received.isEmpty() && System.nanoTime() < deadline) {
      int n = port.readBytes(buffer, buffer.length);
      if (n > 0) {
        reader.read(ByteBuffer.wrap(buffer, 0, n), System.nanoTime(), new FrameHandler() {
          @Override
          public void frame(Optional<WirelessNodeId> node, ByteBuffer frame) {
            if (SnDecoder.decode(frame) instanceof SnPacket packet) {
              received.add(packet);
            }
          }

          @Override
          public void discarded(String reason) {
            // A frame garbled on the line: the sensor's retry covers it.
          }
        });
      }
    }
    return Optional.ofNullable(received.poll());
  }

  @Override
  public String name() {
    return "serial " + device;
  }

  @Override
  public void close() {
    port.closePort();
  }
}
