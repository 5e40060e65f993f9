package org.sngw.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sngw.broker.BrokerFixture.message;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.sngw.message.Qos;

/** A no-local session (the bridge's) never gets back what it published; everyone else does. */
class BrokerCoreNoLocalTest {
  private static final SessionOptions NO_LOCAL =
      new SessionOptions(true, false, false, false, OptionalInt.empty(), OptionalLong.empty());

  private final BrokerFixture fixture = new BrokerFixture();
  private final BrokerCore broker = fixture.broker;
  private final RecordingSink bridgeSink = new RecordingSink();
  private final RecordingSink otherSink = new RecordingSink();

  @Test
  void publish_fromNoLocalSession_isNotDeliveredBackToItByAnyOfItsSubscriptions() {
    ClientHandle bridge = fixture.connect("$bridge/up", false, 64, NO_LOCAL, bridgeSink);
    fixture.subscribe(bridge, "cmd/#", Qos.AT_LEAST_ONCE);
    fixture.subscribe(bridge, "cmd/+", Qos.AT_MOST_ONCE);
    fixture.subscribe(fixture.connect("other", true, 10, otherSink), "cmd/#", Qos.AT_LEAST_ONCE);

    assertThat(fixture.publish(bridge, message("cmd/led", "on", Qos.AT_LEAST_ONCE)))
        .isEqualTo(PublishOutcome.ACCEPTED);

    assertThat(bridgeSink.take()).isEmpty();
    assertThat(otherSink.takeDeliveries()).extracting(BrokerFixture::text).containsExactly("on");
  }

  @Test
  void publish_fromOthers_reachesTheNoLocalSession() {
    fixture.subscribe(fixture.connect("$bridge/up", false, 64, NO_LOCAL, bridgeSink), "cmd/#", Qos.AT_LEAST_ONCE);
    ClientHandle other = fixture.connect("other", true, 10, otherSink);

    fixture.publish(other, message("cmd/led", "from other", Qos.AT_LEAST_ONCE));
    fixture.publish(null, message("cmd/led", "from the gateway", Qos.AT_MOST_ONCE));

    assertThat(bridgeSink.takeDeliveries()).extracting(BrokerFixture::text)
        .containsExactly("from other", "from the gateway");
  }

  @Test
  void publish_fromOrdinarySession_isDeliveredBackToIt() {
    ClientHandle client = fixture.connect("ordinary", true, 10, otherSink);
    fixture.subscribe(client, "cmd/#", Qos.AT_LEAST_ONCE);

    fixture.publish(client, message("cmd/led", "echo", Qos.AT_LEAST_ONCE));

    assertThat(otherSink.takeDeliveries()).as("MQTT 3.1.1 has no no-local")
        .extracting(BrokerFixture::text).containsExactly("echo");
  }

  @Test
  void publishExactlyOnce_fromNoLocalSessionWithFullQueue_reachesOthersAndNotItself() {
    ClientHandle bridge = fixture.connect("$bridge/up", false, 1, NO_LOCAL, bridgeSink);
    fixture.subscribe(bridge, "cmd/#", Qos.EXACTLY_ONCE);
    for (int i = 0; i <= BrokerFixture.MAX_QUEUED; i++) {
      fixture.publish(null, message("cmd/fill", "", Qos.AT_LEAST_ONCE));
    }
    bridgeSink.take();
    fixture.subscribe(fixture.connect("other", true, 10, otherSink), "cmd/#", Qos.EXACTLY_ONCE);
    List<PublishOutcome> outcomes = new ArrayList<>();

    broker.publishExactlyOnce(bridge, 9, message("cmd/led", "once", Qos.EXACTLY_ONCE), outcomes::add);

    assertThat(outcomes).as("its own full queue is not asked").containsExactly(PublishOutcome.ACCEPTED);
    assertThat(bridgeSink.take()).isEmpty();
    assertThat(otherSink.takeDeliveries()).extracting(BrokerFixture::text).containsExactly("once");
  }
}
