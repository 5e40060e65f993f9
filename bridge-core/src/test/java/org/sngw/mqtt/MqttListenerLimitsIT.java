package org.sngw.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sngw.broker.BrokerConfig;

/** Connections past the listener's limits get MQTT's answer, or a close, and are counted. */
class MqttListenerLimitsIT {
  private ListenerHarness harness;

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void connect_pastTheConnectionLimit_getsServerUnavailableUntilAClientLeaves() throws IOException {
    harness = new ListenerHarness(BrokerConfig.defaults().withConnectionLimits(2, 10));
    try (RawClient first = RawClient.connected(harness.address(), "c1", 0);
        RawClient second = RawClient.connected(harness.address(), "c2", 0)) {
      try (RawClient third = new RawClient(harness.address())) {
        third.send(RawClient.connect("MQTT", 4, "c3", true, 0));
        third.expect(0x20, 0x02, 0x00, 0x03);
        third.awaitClosedByServer();
      }
      assertThat(harness.listener.stats().refusedConnected()).isEqualTo(1);
      first.close();

      Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
        try (RawClient again = RawClient.connected(harness.address(), "c3", 0)) {
          assertThat(again).isNotNull();
        }
      });
    }
  }

  @Test
  void accept_pastThePendingLimit_isClosedAtOnceWhileTheOthersMayStillConnect() throws IOException {
    harness = new ListenerHarness(BrokerConfig.defaults().withConnectionLimits(10, 2));
    try (RawClient waiting1 = new RawClient(harness.address());
        RawClient waiting2 = new RawClient(harness.address());
        RawClient third = new RawClient(harness.address())) {
      third.awaitClosedByServer();
      assertThat(harness.listener.stats().refusedPending()).isEqualTo(1);

      waiting1.send(RawClient.connect("MQTT", 4, "w1", true, 0));
      waiting1.expect(0x20, 0x02, 0x00, 0x00);
      try (RawClient fourth = RawClient.connected(harness.address(), "w4", 0)) {
        assertThat(fourth).as("a pending slot freed by w1's CONNECT").isNotNull();
      }
    }
  }
}
