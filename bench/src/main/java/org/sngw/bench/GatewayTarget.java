package org.sngw.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.sngw.app.Gateway;
import org.sngw.auth.AccessConfig;
import org.sngw.broker.BrokerConfig;
import org.sngw.config.GatewayConfig;
import org.sngw.config.ListenAddress;
import org.sngw.config.StoreConfig;
import org.sngw.runtime.StartException;
import org.sngw.sn.gateway.MqttSnConfig;
import org.sngw.sn.gateway.SnStats;
import org.sngw.transport.udp.UdpSettings;

/** The gateway under load: started here on loopback with a temporary data dir, or one already running. */
final class GatewayTarget implements AutoCloseable {
  private final InetSocketAddress udp;
  private final Optional<InetSocketAddress> mqtt;
  private final Gateway gateway;
  private final Path dataDir;

  private GatewayTarget(InetSocketAddress udp, Optional<InetSocketAddress> mqtt, Gateway gateway, Path dataDir) {
    this.udp = udp;
    this.mqtt = mqtt;
    this.gateway = gateway;
    this.dataDir = dataDir;
  }

  /** Starts a gateway in this JVM; {@code persistent} false is the gateway's --in-memory. */
  static GatewayTarget start(boolean persistent) throws IOException, StartException {
    Path dataDir = Files.createTempDirectory("sngw-bench-");
    GatewayConfig config = new GatewayConfig(
        List.of(UdpSettings.on(new ListenAddress("127.0.0.1", 0))),
        new ListenAddress("127.0.0.1", 0),
        dataDir,
        new StoreConfig(persistent, false),
        MqttSnConfig.defaults(),
        BrokerConfig.defaults(),
        Optional.empty(),
        List.of(), AccessConfig.defaults(), Optional.empty());
    try {
      Gateway gateway = Gateway.start(config);
      return new GatewayTarget(gateway.snAddress(), Optional.of(gateway.mqttAddress()), gateway, dataDir);
    } catch (StartException | RuntimeException e) {
      deleteTree(dataDir);
      throw e;
    }
  }

  static GatewayTarget remote(InetSocketAddress udp, Optional<InetSocketAddress> mqtt) {
    return new GatewayTarget(udp, mqtt, null, null);
  }

  InetSocketAddress udp() {
    return udp;
  }

  Optional<InetSocketAddress> mqtt() {
    return mqtt;
  }

  boolean inProcess() {
    return gateway != null;
  }

  /** The gateway's own counters, when it runs in this process. */
  Optional<SnStats> stats() {
    return Optional.ofNullable(gateway).map(g -> g.snGateway().stats());
  }

  @Override
  public void close() {
    if (gateway != null) {
      gateway.close();
      deleteTree(dataDir);
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + root, e);
    }
  }
}
