package org.sngw.app.simulate;

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
import org.sngw.config.GatewayConfig;
import org.sngw.config.ListenAddress;
import org.sngw.config.StoreConfig;
import org.sngw.runtime.StartException;
import org.sngw.sn.gateway.MqttSnConfig;
import org.sngw.sn.gateway.SnStats;
import org.sngw.transport.udp.UdpSettings;

/**
 * What the clients load: a gateway already running, one started here on loopback with a temporary
 * data dir, or a {@link NullSink}.
 */
final class GatewayTarget implements AutoCloseable {
  private final InetSocketAddress udp;
  private final Optional<InetSocketAddress> mqtt;
  private final Gateway gateway;
  private final Path dataDir;
  private final NullSink sink;

  private GatewayTarget(InetSocketAddress udp, Optional<InetSocketAddress> mqtt, Gateway gateway, Path dataDir,
      NullSink sink) {
    this.udp = udp;
    this.mqtt = mqtt;
    this.gateway = gateway;
    this.dataDir = dataDir;
    this.sink = sink;
  }

  static GatewayTarget open(LoadPlan plan) throws IOException, StartException {
    switch (plan.target()) {
      case IN_PROCESS:
        return start(!plan.inMemory(), plan.clients());
      case NULL_SINK:
        NullSink sink = NullSink.start();
        return new GatewayTarget(sink.address(), Optional.empty(), null, null, sink);
      default:
        return new GatewayTarget(plan.gateway(), Optional.of(plan.mqtt()), null, null, null);
    }
  }

  /**
   * Starts a gateway in this JVM; {@code persistent} false is the gateway's --in-memory. Its
   * session limits take every client, as an operator would set them for that many sensors.
   */
  private static GatewayTarget start(boolean persistent, int clients) throws IOException, StartException {
    MqttSnConfig sn = MqttSnConfig.defaults();
    sn = sn.withSessionLimits(Math.max(sn.maxSessions(), clients), Math.max(sn.maxSessionsPerTransport(), clients));
    Path dataDir = Files.createTempDirectory("sngw-simulate-");
    GatewayConfig config = new GatewayConfig(
        List.of(UdpSettings.on(new ListenAddress("127.0.0.1", 0))),
        new ListenAddress("127.0.0.1", 0),
        dataDir,
        new StoreConfig(persistent, false),
        sn,
        GatewayConfig.defaults().broker(),
        Optional.empty(),
        List.of(), AccessConfig.defaults(), Optional.empty());
    try {
      Gateway gateway = Gateway.start(config);
      return new GatewayTarget(gateway.snAddress(), Optional.of(gateway.mqttAddress()), gateway, dataDir, null);
    } catch (StartException | RuntimeException e) {
      deleteTree(dataDir);
      throw e;
    }
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

  boolean nullSink() {
    return sink != null;
  }

  /** The gateway's own counters, when it runs in this process. */
  Optional<SnStats> stats() {
    return Optional.ofNullable(gateway).map(g -> g.snGateway().stats());
  }

  @Override
  public void close() throws IOException {
    if (sink != null) {
      sink.close();
    }
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
