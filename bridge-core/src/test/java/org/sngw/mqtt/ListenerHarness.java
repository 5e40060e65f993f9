package org.sngw.mqtt;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.Set;
import org.sngw.auth.Authenticator;
import org.sngw.broker.BrokerConfig;
import org.sngw.config.ListenAddress;
import org.sngw.message.Message;
import org.sngw.runtime.CoreLoop;
import org.sngw.runtime.IoLoops;
import org.sngw.runtime.StartException;

/** A listener on 127.0.0.1 and a random port, with a real core loop and the broker double. */
final class ListenerHarness implements AutoCloseable {
  static final String DENIED_FILTER = "denied/topic";

  final CoreLoop core = new CoreLoop();
  final IoLoops io = IoLoops.create(1);
  final TestBroker broker = new TestBroker(Set.of(DENIED_FILTER));
  final MqttListener listener;
  final int port;

  ListenerHarness() {
    this(BrokerConfig.defaults());
  }

  ListenerHarness(BrokerConfig config) {
    this(config, Authenticator.anyone());
  }

  ListenerHarness(BrokerConfig config, Authenticator access) {
    listener = new MqttListener(new ListenAddress("127.0.0.1", 0), config, access, broker, core, io, Optional.empty());
    try {
      port = listener.start().getPort();
    } catch (StartException e) {
      // Field initialisers of the tests cannot throw checked exceptions; the test fails either way.
      throw new AssertionError("listener did not start: " + e.getMessage(), e);
    }
  }

  /** Publishes into the broker as the gateway itself would, on the core thread. */
  void publishFromBroker(Message message) {
    core.execute(() -> broker.publish(null, message, outcome -> { }));
  }

  InetSocketAddress address() {
    return new InetSocketAddress("127.0.0.1", port);
  }

  @Override
  public void close() {
    listener.close();
    io.close();
    core.close();
  }
}
