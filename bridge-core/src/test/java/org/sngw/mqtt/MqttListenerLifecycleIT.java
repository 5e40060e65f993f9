package org.sngw.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.ConnectException;
import java.net.Socket;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sngw.auth.Authenticator;
import org.sngw.broker.BrokerConfig;
import org.sngw.config.ListenAddress;
import org.sngw.mqtt.TestBroker.Disconnected;

/** Binding and closing the listener. */
class MqttListenerLifecycleIT {
  private final ListenerHarness harness = new ListenerHarness();

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void start_portInUse_failsNamingAddressAndReason() {
    MqttListener second = new MqttListener(new ListenAddress("127.0.0.1", harness.port),
        BrokerConfig.defaults(), Authenticator.anyone(), harness.broker, harness.core, harness.io, Optional.empty());

    assertThatThrownBy(second::start)
        .hasMessage("MQTT listener cannot bind 127.0.0.1:" + harness.port + ": Address already in use");
    second.close();
  }

  @Test
  void close_twice_closesConnectionsAndStopsAccepting() throws Exception {
    try (RawClient client = RawClient.connected(harness.address(), "closing", 0)) {
      harness.listener.close();
      harness.listener.close();

      client.awaitClosedByServer();
    }
    await().until(() -> harness.broker.disconnects.contains(new Disconnected("closing", false)));
    assertThatThrownBy(() -> new Socket("127.0.0.1", harness.port).close()).isInstanceOf(ConnectException.class);
  }
}
