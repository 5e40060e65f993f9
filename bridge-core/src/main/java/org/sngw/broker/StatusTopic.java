package org.sngw.broker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.sngw.message.Message;
import org.sngw.message.Qos;
import org.sngw.time.Cancellable;
import org.sngw.time.Scheduler;

/**
 * A retained {@code $SYS} topic that follows a state of the gateway, such as whether the store can
 * write: read every period, published when it changes, so that a dashboard subscribed to it sees
 * trouble without scraping metrics. Runs on the core loop, as the broker does.
 */
public final class StatusTopic {
  private final Broker broker;
  private final Scheduler scheduler;
  private final String topic;
  private final Supplier<String> state;
  private final Duration period;
  private String published;
  private Cancellable next = () -> { };
  private boolean stopped;

  /** @param state read on the core loop; any thread may change what it reads */
  public StatusTopic(Broker broker, Scheduler scheduler, String topic, Supplier<String> state, Duration period) {
    this.broker = Objects.requireNonNull(broker, "broker");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.topic = Objects.requireNonNull(topic, "topic");
    this.state = Objects.requireNonNull(state, "state");
    this.period = Objects.requireNonNull(period, "period");
  }

  /** Publishes the state now and follows it from then on. */
  public void start() {
    check();
  }

  public void stop() {
    stopped = true;
    next.cancel();
  }

  private void check() {
    if (stopped) {
      return;
    }
    String now = state.get();
    if (!now.equals(published)) {
      published = now;
      broker.publish(null, new Message(topic, now.getBytes(StandardCharsets.UTF_8), Qos.AT_MOST_ONCE, true),
          outcome -> { });
    }
    next = scheduler.schedule(period, this::check);
  }
}
