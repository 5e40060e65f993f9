package org.sngw.transport.ble.bluez;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sngw.ClosingStack;
import org.sngw.RequiredTool;
import org.sngw.auth.Authenticator;
import org.sngw.broker.BrokerConfig;
import org.sngw.broker.BrokerCore;
import org.sngw.config.ListenAddress;
import org.sngw.mqtt.MqttListener;
import org.sngw.runtime.CoreLoop;
import org.sngw.runtime.IoLoops;
import org.sngw.sn.codec.ReturnCode;
import org.sngw.sn.codec.SnDecodeResult;
import org.sngw.sn.codec.SnDecoder;
import org.sngw.sn.codec.SnEncoder;
import org.sngw.sn.codec.SnPacket;
import org.sngw.sn.codec.SnQos;
import org.sngw.sn.codec.SnTopic;
import org.sngw.sn.gateway.MqttSnConfig;
import org.sngw.sn.gateway.SnGateway;
import org.sngw.store.InMemoryStore;
import org.sngw.store.StateStore;
import org.sngw.store.StoredState;
import org.sngw.transport.ble.BleConfig;
import org.sngw.transport.ble.BleTransport;

/**
 * The gateway's pieces wired as {@code Gateway} wires them (core loop, in-memory broker and store,
 * MQTT-SN gateway, MQTT listener), with {@link BleTransport} over {@link BluezCentral} against
 * python-dbusmock's BlueZ on a private dbus-daemon. A mocked Nordic UART sensor talks MQTT-SN in
 * notifications; the gateway's replies come back as recorded WriteValue calls, and Debian's
 * mosquitto_sub sees the sensor's message on the MQTT side. Nothing leaves 127.0.0.1 and the bus.
 */
class BleGatewayIT {
  private static final String ADAPTER = "hci0";
  private static final String SENSOR = "AA:BB:CC:00:01:01";
  private static final String TOPIC = "sensors/ble-1/temperature";
  private static final String PAYLOAD = "21.5";
  private static final HexFormat HEX = HexFormat.of();

  @TempDir
  Path dir;

  /** Closed in reverse order of starting, as Gateway does. */
  private final ClosingStack started = new ClosingStack();
  private BluezMock bluez;
  private BleTransport transport;
  private int mqttPort;

  @BeforeEach
  void startGatewayOverMockedBluez() throws Exception {
    RequiredTool.require(PrivateBus.installed(), "dbus-daemon", "dbus");
    Optional<String> python = BluezMock.python();
    RequiredTool.require(python.isPresent(), "python3 with dbusmock", "python3-dbusmock");
    RequiredTool.require(runs("mosquitto_sub", "--help"), "mosquitto_sub", "mosquitto-clients");
    RequiredTool.require(runs("stdbuf", "--version"), "stdbuf", "coreutils");

    PrivateBus bus = PrivateBus.start(dir.resolve("bus"));
    started.push(bus);
    bluez = BluezMock.start(python.get(), bus, dir);
    started.push(bluez);
    bluez.run("adapter", ADAPTER);

    CoreLoop core = new CoreLoop();
    started.push(core);
    StateStore store = new InMemoryStore();
    StoredState stored = store.load();
    BrokerConfig brokerConfig = BrokerConfig.defaults();
    // Broker and gateway state belong to the core loop from birth: build them there.
    Wiring wiring = CompletableFuture.supplyAsync(() -> {
      BrokerCore broker = new BrokerCore(brokerConfig, store, stored.broker(), core, InstantSource.system());
      return new Wiring(broker,
          new SnGateway(broker, MqttSnConfig.defaults(), core, core, store, stored.topicIds()));
    }, core).get(10, TimeUnit.SECONDS);

    IoLoops io = IoLoops.create(1);
    started.push(io);
    MqttListener mqtt = new MqttListener(new ListenAddress("127.0.0.1", 0), brokerConfig, Authenticator.anyone(),
        wiring.broker(), core, io, Optional.empty());
    started.push(mqtt);
    mqttPort = mqtt.start().getPort();

    BleConfig defaults = BleConfig.defaults();
    BleConfig ble = new BleConfig(ADAPTER, defaults.service(), defaults.receive(), defaults.send(),
        defaults.allowlist(), defaults.maxConnections(), defaults.writeWithResponse(),
        Duration.ofMillis(200), Duration.ofSeconds(2));
    transport = new BleTransport(ble, BluezCentral.open(ADAPTER, Optional.of(bus.address)), core, core);
    started.push(transport);
    transport.start(wiring.sn().listenerFor(transport, core));
  }

  @AfterEach
  void stopEverything() {
    started.close();
  }

  @Test
  void sensorOverBle_connectsRegistersPublishes_messageReachesMqttAndAcksReachSensor() throws Exception {
    eventually().until(() -> bluez.run("discovery", ADAPTER).get(0).equals("discovering"));
    bluez.run("device", ADAPTER, SENSOR);
    bluez.run("advertise", ADAPTER, SENSOR);
    eventually().until(() -> transport.connectedDevices() == 1
        && bluez.run("calls", ADAPTER, SENSOR, "tx", "StartNotify").size() == 1);

    // CONNECT in two notifications: the transport's framer must put it back together.
    byte[] connect = encode(new SnPacket.Connect(false, true, 60, "ble-1"));
    notify(slice(connect, 0, 3));
    notify(slice(connect, 3, connect.length));
    eventually().until(() -> written().contains(new SnPacket.ConnAck(ReturnCode.ACCEPTED)));
    assertThat(writtenHex()).startsWith("030500");

    notify(encode(new SnPacket.Register(0, 1, TOPIC)));
    eventually().until(() -> regAck().isPresent());
    SnPacket.RegAck regAck = regAck().get();
    assertThat(regAck.returnCode()).isEqualTo(ReturnCode.ACCEPTED);

    try (Subscriber subscriber = Subscriber.start(mqttPort)) {
      eventually().until(subscriber::subscribed);
      notify(encode(new SnPacket.Publish(false, SnQos.AT_LEAST_ONCE, false,
          new SnTopic.Registered(regAck.topicId()), 2, PAYLOAD.getBytes(StandardCharsets.UTF_8))));

      eventually().until(() -> written().contains(
          new SnPacket.PubAck(regAck.topicId(), 2, ReturnCode.ACCEPTED)));
      eventually().until(() -> subscriber.lines().contains(TOPIC + " " + PAYLOAD));
    }
    assertThat(transport.stats().received().sum()).isEqualTo(3);
    assertThat(transport.stats().discarded().sum()).isZero();
  }

  private record Wiring(BrokerCore broker, SnGateway sn) {}

  private static ConditionFactory eventually() {
    return Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50));
  }

  private void notify(byte[] bytes) throws IOException, InterruptedException {
    bluez.run("notify", ADAPTER, SENSOR, HEX.formatHex(bytes));
  }

  private static byte[] encode(SnPacket packet) {
    ByteBuffer buffer = SnEncoder.encode(packet);
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }

  private static byte[] slice(byte[] bytes, int from, int to) {
    return Arrays.copyOfRange(bytes, from, to);
  }

  /** What the gateway wrote to the sensor's RX characteristic, all WriteValue calls joined. */
  private String writtenHex() throws IOException, InterruptedException {
    StringBuilder hex = new StringBuilder();
    for (String call : bluez.run("calls", ADAPTER, SENSOR, "rx", "WriteValue")) {
      hex.append(call.split(" ", 2)[0]);
    }
    return hex.toString();
  }

  /** The written byte stream cut at MQTT-SN length fields and decoded; a malformed frame fails the test. */
  private List<SnPacket> written() throws IOException, InterruptedException {
    byte[] stream = HEX.parseHex(writtenHex());
    List<SnPacket> packets = new ArrayList<>();
    int at = 0;
    while (at < stream.length) {
      int length = Byte.toUnsignedInt(stream[at]) == 0x01 && at + 2 < stream.length
          ? ((stream[at + 1] & 0xff) << 8) | (stream[at + 2] & 0xff)
          : Byte.toUnsignedInt(stream[at]);
      if (length < 2 || at + length > stream.length) {
        break; // a frame still being written
      }
      SnDecodeResult result = SnDecoder.decode(ByteBuffer.wrap(stream, at, length).slice());
      if (!(result instanceof SnPacket packet)) {
        throw new AssertionError("gateway wrote a malformed frame at byte " + at + ": " + result);
      }
      packets.add(packet);
      at += length;
    }
    return packets;
  }

  private Optional<SnPacket.RegAck> regAck() throws IOException, InterruptedException {
    for (SnPacket packet : written()) {
      if (packet instanceof SnPacket.RegAck ack && ack.msgId() == 1) {
        return Optional.of(ack);
      }
    }
    return Optional.empty();
  }

  private static boolean runs(String... command) {
    try {
      Process probe = new ProcessBuilder(command)
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return probe.waitFor(10, TimeUnit.SECONDS);
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** mosquitto_sub on '#', line-buffered with -d so its SUBACK can be waited for; exits after one message. */
  private static final class Subscriber implements AutoCloseable {
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private Subscriber(Process process) {
      this.process = process;
      Thread reader = new Thread(this::readLines, "mosquitto_sub-reader");
      reader.setDaemon(true);
      reader.start();
    }

    static Subscriber start(int port) throws IOException {
      return new Subscriber(new ProcessBuilder("stdbuf", "-oL", "mosquitto_sub", "-h", "127.0.0.1",
          "-p", String.valueOf(port), "-t", "#", "-v", "-C", "1", "-W", "15", "-d")
          .redirectErrorStream(true).start());
    }

    private void readLines() {
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          lines.add(line);
        }
      } catch (IOException e) {
        // the process ended
      }
    }

    boolean subscribed() {
      return lines.stream().anyMatch(line -> line.contains("received SUBACK"));
    }

    List<String> lines() {
      return lines;
    }

    @Override
    public void close() {
      PrivateBus.destroy(process);
    }
  }
}
