package org.sngw.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sngw.auth.Authenticator;
import org.sngw.broker.BrokerConfig;

/** The time a connection has to send its CONNECT counts from accept, not from its last byte. */
class ConnectDeadlineTest {
  /** CONNECT, MQTT 3.1.1, clean session, keep-alive 60 s, client id "slow". */
  private static final byte[] CONNECT =
      {0x10, 0x10, 0x00, 0x04, 'M', 'Q', 'T', 'T', 0x04, 0x02, 0x00, 0x3C, 0x00, 0x04, 's', 'l', 'o', 'w'};

  private final TestBroker broker = new TestBroker(Set.of());
  private final EmbeddedChannel channel = new EmbeddedChannel();

  ConnectDeadlineTest() {
    channel.freezeTime();
    ConnectHandler connect = new ConnectHandler(BrokerConfig.defaults(), Authenticator.anyone(), broker, Runnable::run,
        new MqttStats(), new ConnectionCounts(), Optional.empty());
    MqttPipeline.init(channel.pipeline(), 4096, connect);
  }

  @Test
  void connectTrickledOneBytePerSecond_isClosedAtTheDeadline() {
    long seconds = 0;
    for (int i = 0; i < CONNECT.length && channel.isOpen(); i++) {
      channel.writeInbound(Unpooled.wrappedBuffer(CONNECT, i, 1));
      channel.advanceTimeBy(1, TimeUnit.SECONDS);
      channel.runScheduledPendingTasks();
      seconds++;
    }

    assertThat(channel.isOpen()).isFalse();
    assertThat(seconds).isEqualTo(MqttPipeline.CONNECT_TIMEOUT_SECONDS);
    assertThat(broker.connects).isEmpty();
  }

  @Test
  void connectInTime_isNotClosedLater() {
    channel.writeInbound(Unpooled.wrappedBuffer(CONNECT));
    channel.advanceTimeBy(MqttPipeline.CONNECT_TIMEOUT_SECONDS + 1, TimeUnit.SECONDS);
    channel.runScheduledPendingTasks();

    assertThat(channel.isOpen()).isTrue();
    assertThat(broker.connects).hasSize(1);
  }

  @Test
  void silentConnection_isClosedAtTheDeadline() {
    channel.advanceTimeBy(MqttPipeline.CONNECT_TIMEOUT_SECONDS - 1, TimeUnit.SECONDS);
    channel.runScheduledPendingTasks();
    assertThat(channel.isOpen()).isTrue();

    channel.advanceTimeBy(1, TimeUnit.SECONDS);
    channel.runScheduledPendingTasks();
    assertThat(channel.isOpen()).isFalse();
  }
}
