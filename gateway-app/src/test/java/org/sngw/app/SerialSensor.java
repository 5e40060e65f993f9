package org.sngw.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fazecast.jSerialComm.SerialPort;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.function.Function;
import org.sngw.sn.codec.ReturnCode;
import org.sngw.sn.codec.SnDecoder;
import org.sngw.sn.codec.SnEncoder;
import org.sngw.sn.codec.SnPacket;
import org.sngw.sn.codec.SnQos;
import org.sngw.sn.codec.SnTopic;
import org.sngw.transport.WirelessNodeId;
import org.sngw.transport.serial.framing.FrameHandler;
import org.sngw.transport.serial.framing.FrameReader;

/**
 * A sensor at the far end of a pty: frames MQTT-SN packets the way its line does and reads the
 * gateway's answers. {@code wrap} turns a packet into line bytes, {@code reader} cuts the gateway's.
 */
final class SerialSensor implements AutoCloseable {
  private static final long ANSWER_TIMEOUT_NANOS = 10_000_000_000L;

  private final SerialPort port;
  private final Function<ByteBuffer, ByteBuffer> wrap;
  private final FrameReader reader;
  private final ArrayDeque<Received> received = new ArrayDeque<>();

  record Received(Optional<WirelessNodeId> node, SnPacket packet) {}

  SerialSensor(Path device, Function<ByteBuffer, ByteBuffer> wrap, FrameReader reader) {
    this.port = SerialPort.getCommPort(device.toString());
    this.wrap = wrap;
    this.reader = reader;
    port.setBaudRate(115_200);
    port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 100, 0);
    assertThat(port.openPort()).as("sensor side %s opens", device).isTrue();
  }

  void send(SnPacket packet) {
    ByteBuffer bytes = wrap.apply(SnEncoder.encode(packet));
    byte[] out = new byte[bytes.remaining()];
    bytes.get(out);
    assertThat(port.writeBytes(out, out.length)).isEqualTo(out.length);
  }

  /** The next packet from the gateway, with the radio node it was addressed to. */
  Received receive() {
    long deadline = System.nanoTime() + ANSWER_TIMEOUT_NANOS;
    byte[] buffer = new byte[1024];
    while (received.isEmpty()) {
      assertThat(System.nanoTime()).as("an answer from the gateway in time").isLessThan(deadline);
      int n = port.readBytes(buffer, buffer.length);
      if (n > 0) {
        reader.read(ByteBuffer.wrap(buffer, 0, n), System.nanoTime(), new FrameHandler() {
          @Override
          public void frame(Optional<WirelessNodeId> node, ByteBuffer frame) {
            received.add(new Received(node, (SnPacket) SnDecoder.decode(frame)));
          }

          @Override
          public void discarded(String reason) {
            throw new AssertionError("the gateway wrote a bad frame: " + reason);
          }
        });
      }
    }
    return received.poll();
  }

  SnPacket receivePacket() {
    return receive().packet();
  }

  void connect(String clientId) {
    send(new SnPacket.Connect(false, true, 60, clientId));
    assertThat(receivePacket()).isEqualTo(new SnPacket.ConnAck(ReturnCode.ACCEPTED));
  }

  /** REGISTERs the topic and PUBLISHes to it at QoS 1; returns once the gateway acknowledged it. */
  void publishQos1(String topic, String payload) {
    send(new SnPacket.Register(0, 1, topic));
    SnPacket.RegAck regAck = (SnPacket.RegAck) receivePacket();
    send(new SnPacket.Publish(false, SnQos.AT_LEAST_ONCE, false, new SnTopic.Registered(regAck.topicId()), 2,
        payload.getBytes(StandardCharsets.UTF_8)));
    assertThat(receivePacket()).isEqualTo(new SnPacket.PubAck(regAck.topicId(), 2, ReturnCode.ACCEPTED));
  }

  @Override
  public void close() {
    port.closePort();
  }
}
