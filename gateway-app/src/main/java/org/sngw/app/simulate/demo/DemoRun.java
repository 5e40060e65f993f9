package org.sngw.app.simulate.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.sngw.app.Gateway;
import org.sngw.auth.AccessConfig;
import org.sngw.config.GatewayConfig;
import org.sngw.config.ListenAddress;
import org.sngw.config.StatusConfig;
import org.sngw.config.StoreConfig;
import org.sngw.config.TransportPlan;
import org.sngw.runtime.StartException;
import org.sngw.transport.serial.SerialPortConfig;
import org.sngw.transport.serial.SocatPty;
import org.sngw.transport.serial.framing.Framing;
import org.sngw.transport.udp.UdpSettings;

/**
 * Runs the demo: five named sensors, two of them sleeping, against the gateway at an address, or
 * against one started in this JVM on loopback, which then also opens a serial pty pair made with
 * socat, where a sixth sensor speaks MQTT-SN on the line. Until stopped, or for a set time.
 */
public final class DemoRun {
  /** @param gateway the gateway's MQTT-SN UDP address; empty to start one in this JVM */
  public record Plan(Optional<InetSocketAddress> gateway, Optional<Duration> duration) {}

  private final Plan plan;
  private final PrintStream out;
  private final List<DemoSensor> sensors = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private Gateway gateway;
  private SocatPty pty;
  private Path dataDir;

  public DemoRun(Plan plan, PrintStream out) {
    this.plan = plan;
    this.out = out;
  }

  /** Runs until the duration is over or {@link #stop()} (a shutdown hook, on Ctrl-C); 0 when it ran. */
  public int execute() throws IOException, StartException, InterruptedException {
    InetSocketAddress udp = plan.gateway().isPresent() ? plan.gateway().get() : startGateway();
    Random random = new Random();
    for (DemoSensor sensor : List.of(
        new DemoSensor("kitchen-1", List.of(Quantity.temperature(21.5), Quantity.humidity(45), Quantity.battery(96)),
            Duration.ofSeconds(5), false, new UdpSensorLine(udp), out, random),
        new DemoSensor("bedroom-2", List.of(Quantity.temperature(19.0), Quantity.humidity(52)),
            Duration.ofSeconds(10), false, new UdpSensorLine(udp), out, random),
        new DemoSensor("garage-3", List.of(Quantity.temperature(12.0), Quantity.battery(81)),
            Duration.ofSeconds(15), true, new UdpSensorLine(udp), out, random),
        new DemoSensor("garden-4", List.of(Quantity.soilMoisture(31), Quantity.temperature(14.0), Quantity.battery(64)),
            Duration.ofSeconds(20), true, new UdpSensorLine(udp), out, random))) {
      start(sensor);
    }
    if (pty != null) {
      start(new DemoSensor("shed-5", List.of(Quantity.temperature(9.5), Quantity.battery(88)),
          Duration.ofSeconds(10), false, new SerialSensorLine(pty.sensor), out, random));
    }
    if (plan.duration().isPresent()) {
      stopped.await(plan.duration().get().toMillis(), TimeUnit.MILLISECONDS);
    } else {
      stopped.await();
    }
    stop();
    return 0;
  }

  /** Ends the sensors, then the gateway and the pty of this JVM; from any thread, more than once. */
  public synchronized void stop() {
    stopped.countDown();
    sensors.forEach(DemoSensor::stop);
    // A sensor between readings sleeps for many seconds: wake it to see that it is stopped.
    threads.forEach(Thread::interrupt);
    for (Thread thread : threads) {
      try {
        thread.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    threads.clear();
    if (gateway != null) {
      gateway.close();
      gateway = null;
    }
    if (pty != null) {
      pty.close();
      pty = null;
    }
    if (dataDir != null) {
      // What socat left (its log) and the directory itself; the gateway here kept its state in memory.
      try {
        Files.deleteIfExists(dataDir.resolve("socat.log"));
        Files.deleteIfExists(dataDir);
      } catch (IOException e) {
        out.println("could not remove " + dataDir + ": " + e.getMessage());
      }
      dataDir = null;
    }
  }

  /** The gateway started here, when there is one: for tests and for the address the demo prints. */
  public Optional<Gateway> gateway() {
    return Optional.ofNullable(gateway);
  }

  private void start(DemoSensor sensor) {
    sensors.add(sensor);
    Thread thread = new Thread(sensor, "demo-" + sensor.clientId());
    thread.setDaemon(true);
    threads.add(thread);
    thread.start();
  }

  private InetSocketAddress startGateway() throws IOException, StartException {
    dataDir = Files.createTempDirectory("sngw-demo-");
    List<TransportPlan> transports = new ArrayList<>(List.of(UdpSettings.on(new ListenAddress("127.0.0.1", 0))));
    try {
      pty = SocatPty.start(dataDir);
      transports.add(SerialPortConfig.of(pty.gateway.toString()).with(115_200, Framing.PLAIN));
    } catch (IOException e) {
      out.println("no serial sensor: " + e.getMessage());
    }
    GatewayConfig defaults = GatewayConfig.defaults();
    gateway = Gateway.start(new GatewayConfig(transports, new ListenAddress("127.0.0.1", 0), dataDir,
        new StoreConfig(false, false), defaults.mqttSn(), defaults.broker(), Optional.empty(), List.of(),
        AccessConfig.defaults(), Optional.empty())
        .withStatus(Optional.of(new StatusConfig(new ListenAddress("127.0.0.1", 0), Optional.empty()))));
    InetSocketAddress mqtt = gateway.mqttAddress();
    out.printf("a gateway in this JVM: MQTT-SN on udp %s, MQTT on %s%s%n", hostPort(gateway.snAddress()),
        hostPort(mqtt), pty == null ? "" : ", a sensor on the serial pty " + pty.gateway);
    out.printf("watch it: mosquitto_sub -h 127.0.0.1 -p %d -t 'sensors/#' -v%n", mqtt.getPort());
    out.printf("or in a browser: http://%s/%n", hostPort(gateway.statusAddress()));
    return gateway.snAddress();
  }

  private static String hostPort(InetSocketAddress address) {
    return address.getHostString() + ":" + address.getPort();
  }
}
