package org.sngw.runtime;

import java.util.List;
import java.util.Objects;

/**
 * What the gateway lends an extension it starts.
 *
 * @param upstreams the names of the configured upstream bridges, so "every upstream connected" can
 *     be told
 * @param status publishes retained messages through the broker, as the gateway's own $SYS topics
 * @param shutdown asks the gateway for a clean stop, as SIGTERM does; returns at once
 * @param subscriber subscribes the extension to local topics, once the gateway has started
 */
public record ExtensionContext(
    List<String> upstreams, RetainedPublisher status, Runnable shutdown, LocalSubscriber subscriber) {
  public ExtensionContext {
    upstreams = List.copyOf(upstreams);
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(shutdown, "shutdown");
    Objects.requireNonNull(subscriber, "subscriber");
  }

  /** Publishes a retained QoS 0 message from the gateway itself; callable from any thread. */
  @FunctionalInterface
  public interface RetainedPublisher {
    void publishRetained(String topic, String text);
  }

  /**
   * Subscribes the extension, as the gateway's own session {@code $extension/NAME}, to a filter
   * at QoS 0: what is retained under it arrives first, then each message published to it. Call it
   * from {@code GatewayEvents#started()} on; {@code received} runs on the core loop and must not
   * block.
   */
  @FunctionalInterface
  public interface LocalSubscriber {
    void subscribe(String name, String filter, MessageReceiver received);
  }

  /** A message for an extension's subscription. */
  @FunctionalInterface
  public interface MessageReceiver {
    void received(String topic, byte[] payload);
  }
}
