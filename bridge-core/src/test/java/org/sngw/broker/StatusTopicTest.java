package org.sngw.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.sngw.message.Qos;
import org.sngw.time.VirtualTime;

class StatusTopicTest {
  private static final String TOPIC = "$SYS/broker/store/state";

  private final VirtualTime time = new VirtualTime();
  private final BrokerCore broker = new BrokerCore(BrokerConfig.defaults());
  private final AtomicReference<String> state = new AtomicReference<>("ok");
  private final StatusTopic status = new StatusTopic(broker, time, TOPIC, state::get, Duration.ofSeconds(5));

  @Test
  void start_publishesTheStateRetained() {
    status.start();

    assertThat(payloadsSeenBy(subscriber())).containsExactly("ok");
  }

  @Test
  void aChange_isPublishedWithinAPeriod_andNoRepeatsWhileItStays() {
    status.start();
    RecordingSink sink = subscriber();
    sink.takeDeliveries();

    state.set("failing");
    time.advance(Duration.ofSeconds(5));
    time.advance(Duration.ofSeconds(5));
    state.set("ok");
    time.advance(Duration.ofSeconds(5));

    assertThat(payloads(sink.takeDeliveries())).containsExactly("failing", "ok");
  }

  @Test
  void stop_publishesNoMore() {
    status.start();
    RecordingSink sink = subscriber();
    sink.takeDeliveries();
    status.stop();

    state.set("failing");
    time.advance(Duration.ofSeconds(30));

    assertThat(sink.takeDeliveries()).isEmpty();
  }

  private RecordingSink subscriber() {
    RecordingSink sink = new RecordingSink();
    ClientHandle handle = broker.connect(new ConnectRequest("dashboard", true, Optional.empty(), Duration.ZERO, 8), sink);
    broker.subscribe(handle, List.of(new Subscription(TOPIC, Qos.AT_MOST_ONCE)), granted -> { });
    return sink;
  }

  private static List<String> payloadsSeenBy(RecordingSink sink) {
    return payloads(sink.takeDeliveries());
  }

  private static List<String> payloads(List<Delivery> deliveries) {
    return deliveries.stream().map(d -> new String(d.message().payload(), StandardCharsets.UTF_8)).toList();
  }
}
