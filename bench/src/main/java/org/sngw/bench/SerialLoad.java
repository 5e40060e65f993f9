package org.sngw.bench;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.sngw.app.Gateway;
import org.sngw.app.simulate.MqttSubscriber;
import org.sngw.app.simulate.Payload;
import org.sngw.auth.AccessConfig;
import org.sngw.config.GatewayConfig;
import org.sngw.config.ListenAddress;
import org.sngw.config.StoreConfig;
import org.sngw.sn.codec.SnEncoder;
import org.sngw.sn.codec.SnPacket;
import org.sngw.sn.codec.SnQos;
import org.sngw.sn.codec.SnTopic;
import org.sngw.transport.serial.SerialPortConfig;
import org.sngw.transport.udp.UdpSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * One sensor on a serial line (a socat pty pair) publishing QoS 0 as fast as the line allows, with
 * the plain framing, to a gateway in this JVM; an MQTT subscriber counts what arrives. A pty has no
 * baud rate of its own, so {@code --baud} paces the sensor's writes to that line rate (10 bits per
 * byte, 8N1), and {@code --baud 0} sends unpaced, which measures the gateway's own ceiling.
 */
@Command(name = "SerialLoad", mixinStandardHelpOptions = true,
    description = "MQTT-SN QoS 0 over a socat pty with plain framing, counted at an MQTT subscriber")
public final class SerialLoad implements java.util.concurrent.Callable<Integer> {
  @Option(names = "--messages", description = "PUBLISHes to send [${DEFAULT-VALUE}]")
  int messages = 20_000;

  @Option(names = "--payload", description = "payload bytes, at least 12 [${DEFAULT-VALUE}]")
  int payloadBytes = 32;

  @Option(names = "--baud", description = "line rate to pace writes to; 0 = unpaced [${DEFAULT-VALUE}]")
  int baud = 115_200;

  public static void main(String[] args) {
    System.exit(new CommandLine(new SerialLoad()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Path dir = Files.createTempDirectory("sngw-serial-bench-");
    Path gatewaySide = dir.resolve("gw");
    Path sensorSide = dir.resolve("sensor");
    Process socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + gatewaySide, "pty,raw,echo=0,link=" + sensorSide)
        .redirectErrorStream(true).start();
    try {
      while (!Files.exists(gatewaySide) || !Files.exists(sensorSide)) {
        Thread.sleep(20);
      }
      return run(dir, gatewaySide, sensorSide);
    } finally {
      socat.destroyForcibly();
    }
  }

  private int run(Path dir, Path gatewaySide, Path sensorSide) throws Exception {
    GatewayConfig defaults = GatewayConfig.defaults();
    GatewayConfig config = new GatewayConfig(
        List.of(UdpSettings.on(new ListenAddress("127.0.0.1", 0)), SerialPortConfig.of(gatewaySide.toString())),
        new ListenAddress("127.0.0.1", 0), dir.resolve("data"), new StoreConfig(false, false), defaults.mqttSn(),
        defaults.broker(), Optional.empty(), List.of(), AccessConfig.defaults(), Optional.empty());
    try (Gateway gateway = Gateway.start(config)) {
      MqttSubscriber subscriber = MqttSubscriber.start(gateway.mqttAddress(), "serial-bench", true, "bench/#", 0);
      SerialPort port = SerialPort.getCommPort(sensorSide.toString());
      port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 1000, 0);
      if (!port.openPort()) {
        throw new IOException("cannot open " + sensorSide);
      }
      try {
        int topicId = handshake(port);
        long started = System.nanoTime();
        long bytes = publish(port, topicId);
        double seconds = (System.nanoTime() - started) / 1e9;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (subscriber.received() < messages && System.nanoTime() < deadline) {
          Thread.sleep(1);
        }
        double delivered = (System.nanoTime() - started) / 1e9;
        subscriber.awaitQuiet(Duration.ofSeconds(2), Duration.ofSeconds(30));
        subscriber.close();
        long received = subscriber.distinct();
        System.out.printf("line:       %s, plain framing, %d QoS 0 PUBLISHes of %d payload bytes (%d bytes on the line)%n",
            baud == 0 ? "unpaced" : baud + " baud (" + baud / 10 + " bytes/s)", messages, payloadBytes, bytes);
        System.out.printf("sent:       %.2f s, %.0f msg/s, %.0f bytes/s written to the pty%n", seconds, messages / seconds,
            bytes / seconds);
        System.out.printf("delivered:  the last one %.2f s after the first was written: %.0f msg/s end to end%n",
            delivered, messages / delivered);
        System.out.printf("subscriber: %d distinct received (%.1f %%), %d lost, %d duplicates%n", received,
            100.0 * received / messages, messages - received, subscriber.duplicates());
        return received == messages ? 0 : 1;
      } finally {
        port.closePort();
      }
    }
  }

  /** CONNECT and REGISTER, reading the answers as plain-framed packets (a fixed 3 and 7 bytes). */
  private static int handshake(SerialPort port) throws IOException {
    write(port, SnEncoder.encode(new SnPacket.Connect(false, true, 600, "serial-sensor")));
    readExactly(port, 3);
    write(port, SnEncoder.encode(new SnPacket.Register(0, 1, "bench/serial")));
    byte[] regAck = readExactly(port, 7);
    return ((regAck[2] & 0xFF) << 8) | (regAck[3] & 0xFF);
  }

  private long publish(SerialPort port, int topicId) throws IOException, InterruptedException {
    long nanosPerByte = baud == 0 ? 0 : TimeUnit.SECONDS.toNanos(10) / baud;
    long start = System.nanoTime();
    long written = 0;
    for (int sequence = 0; sequence < messages; sequence++) {
      ByteBuffer frame = SnEncoder.encode(new SnPacket.Publish(false, SnQos.AT_MOST_ONCE, false,
          new SnTopic.Registered(topicId), 0, Payload.of(0, sequence, payloadBytes)));
      written += write(port, frame);
      long due = start + written * nanosPerByte;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
    }
    return written;
  }

  private static int write(SerialPort port, ByteBuffer frame) throws IOException {
    byte[] bytes = new byte[frame.remaining()];
    frame.get(bytes);
    if (port.writeBytes(bytes, bytes.length) != bytes.length) {
      throw new IOException("short write to the pty");
    }
    return bytes.length;
  }

  private static byte[] readExactly(SerialPort port, int length) throws IOException {
    byte[] answer = new byte[length];
    int read = 0;
    while (read < length) {
      int n = port.readBytes(answer, length - read, read);
      if (n <= 0) {
        throw new IOException("no answer from the gateway");
      }
      read += n;
    }
    return answer;
  }
}
