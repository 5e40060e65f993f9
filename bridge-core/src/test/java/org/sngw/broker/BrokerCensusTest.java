package org.sngw.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sngw.broker.BrokerFixture.message;
import static org.sngw.broker.BrokerFixture.retained;

import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.sngw.message.Qos;
import org.sngw.store.MapStateStore;
import org.sngw.time.VirtualTime;

/** What $SYS and the metrics count of the broker: its census on the core loop, and its message totals. */
class BrokerCensusTest {
  private static final SessionOptions OUTBOX =
      new SessionOptions(true, false, true, true, OptionalInt.of(100), OptionalLong.of(1L << 20));

  private final BrokerFixture fixture = new BrokerFixture(BrokerConfig.defaults(), new MapStateStore(), new VirtualTime());
  private final BrokerCore broker = fixture.broker;

  @Test
  void census_countsSessionsConnectionsSubscriptionsRetainedAndOutboxBacklogs() {
    ClientHandle online = fixture.connect("online", true, 8, new RecordingSink());
    fixture.subscribe(online, "a/#", Qos.AT_MOST_ONCE);
    fixture.subscribe(online, "b", Qos.AT_LEAST_ONCE);
    fixture.subscribe(online, "b", Qos.EXACTLY_ONCE);
    ClientHandle away = fixture.connect("away", false, 8, new RecordingSink());
    fixture.subscribe(away, "a/#", Qos.AT_LEAST_ONCE);
    broker.disconnect(away, true);
    ClientHandle outbox = fixture.connect("$bridge/up", false, 8, OUTBOX, new RecordingSink());
    fixture.subscribe(outbox, "up/#", Qos.AT_LEAST_ONCE);
    broker.disconnect(outbox, true);
    fixture.publish(null, message("up/1", "x", Qos.AT_LEAST_ONCE));
    fixture.publish(null, message("up/2", "y", Qos.AT_LEAST_ONCE));
    fixture.publish(null, retained("r/1", "kept", Qos.AT_MOST_ONCE));
    fixture.publish(null, retained("r/2", "kept", Qos.AT_MOST_ONCE));
    fixture.publish(null, retained("r/2", "", Qos.AT_MOST_ONCE));

    assertThat(broker.census()).as("re-subscribing b replaces, it does not add")
        .isEqualTo(new BrokerCensus(3, 1, 4, 1, Map.of("$bridge/up", 2)));
  }

  @Test
  void messageTotals_countWhatClientsSendAndWhatReachesThem_notTheGatewaysOwn() {
    RecordingSink sink = new RecordingSink();
    ClientHandle reader = fixture.connect("reader", true, 8, sink);
    fixture.subscribe(reader, "t/#", Qos.AT_MOST_ONCE);
    ClientHandle writer = fixture.connect("writer", true, 8, new RecordingSink());

    fixture.publish(writer, message("t/1", "from a client", Qos.AT_MOST_ONCE));
    fixture.publish(writer, message("elsewhere", "to no one", Qos.AT_MOST_ONCE));
    fixture.publish(null, message("t/2", "the gateway's own", Qos.AT_MOST_ONCE));

    assertThat(broker.messagesReceived()).isEqualTo(2);
    assertThat(broker.messagesSent()).isEqualTo(2);
    assertThat(sink.takeDeliveries()).hasSize(2);
  }
}
