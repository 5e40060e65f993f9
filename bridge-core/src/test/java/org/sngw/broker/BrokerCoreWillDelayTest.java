package org.sngw.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sngw.broker.BrokerFixture.message;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sngw.message.Message;
import org.sngw.message.Qos;
import org.sngw.store.MapStateStore;
import org.sngw.time.VirtualTime;

/** MQTT 5's Will Delay Interval: the will of a lost connection waits, and a client back in time has none. */
class BrokerCoreWillDelayTest {
  private static final Message WILL = message("wills/w", "gone", Qos.AT_LEAST_ONCE);

  private final VirtualTime time = new VirtualTime();
  private final BrokerFixture fixture = new BrokerFixture(BrokerConfig.defaults(), new MapStateStore(), time);
  private final RecordingSink watcher = new RecordingSink();

  @Test
  void lostConnection_willWaitsOutItsDelay_thenIsPublished() {
    watch();
    fixture.broker.disconnect(connect("w", false, Duration.ofSeconds(30)), false);

    time.advance(Duration.ofSeconds(29));
    assertThat(watcher.take()).isEmpty();
    time.advance(Duration.ofSeconds(1));
    assertThat(watcher.takeDeliveries()).extracting(BrokerFixture::text).containsExactly("gone");
  }

  @Test
  void clientBackWithinTheDelay_toItsSession_suppressesTheWill() {
    watch();
    fixture.broker.disconnect(connect("w", false, Duration.ofSeconds(30)), false);
    time.advance(Duration.ofSeconds(10));

    fixture.connect("w", false, 10, new RecordingSink());
    time.advance(Duration.ofMinutes(5));

    assertThat(watcher.take()).isEmpty();
  }

  @Test
  void aCleanSession_endsWithItsConnection_andItsWillGoesAtOnce() {
    watch();
    fixture.broker.disconnect(connect("w", true, Duration.ofSeconds(30)), false);

    assertThat(watcher.takeDeliveries()).extracting(BrokerFixture::text).containsExactly("gone");
  }

  @Test
  void aCleanStartWithinTheDelay_endsTheOldSession_whichPublishesTheWill() {
    watch();
    fixture.broker.disconnect(connect("w", false, Duration.ofSeconds(30)), false);

    fixture.connect("w", true, 10, new RecordingSink());

    assertThat(watcher.takeDeliveries()).extracting(BrokerFixture::text).containsExactly("gone");
    time.advance(Duration.ofMinutes(1));
    assertThat(watcher.take()).as("once").isEmpty();
  }

  private void watch() {
    fixture.subscribe(fixture.connect("watcher", true, 10, watcher), "wills/#", Qos.AT_LEAST_ONCE);
  }

  private ClientHandle connect(String clientId, boolean clean, Duration willDelay) {
    return fixture.broker.connect(new ConnectRequest(clientId, clean, Optional.of(WILL), Duration.ZERO, 10,
        SessionOptions.ORDINARY, Optional.empty(), ClientIdentity.Origin.MQTT, willDelay), new RecordingSink());
  }
}
