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
 */
public record ExtensionContext(List<String> upstreams, RetainedPublisher status, Runnable shutdown) {
  public ExtensionContext {
    upstreams = List.copyOf(upstreams);
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(shutdown, "shutdown");
  }

  /** Publishes a retained QoS 0 message from the gateway itself; callable from any thread. */
  @FunctionalInterface
  public interface RetainedPublisher {
    void publishRetained(String topic, String text);
  }
}
