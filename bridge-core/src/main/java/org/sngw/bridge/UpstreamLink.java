package org.sngw.bridge;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.sngw.message.Qos;

/**
 * The thin surface of the MQTT client library towards one upstream broker. Futures complete and
 * callbacks run on the library's threads; the {@link Bridge} hands everything to the core loop.
 */
public interface UpstreamLink {
  /** A message from upstream; {@code acknowledge} lets the library send PUBACK/PUBREC. */
  public record Inbound(String topic, byte[] payload, Qos qos, boolean retain, Runnable acknowledge) {}

  /** Connects (with the will, credentials and TLS set up when the link was made). */
  CompletableFuture<Void> connect();

  /** Completes when the upstream acknowledged it (at QoS 0: when written). */
  CompletableFuture<Void> publish(String topic, byte[] payload, Qos qos, boolean retain);

  /** Subscribes; with MQTT 5, no-local, so what the bridge sends out does not come back. */
  CompletableFuture<Void> subscribe(String filter, Qos qos, Consumer<Inbound> messages);

  CompletableFuture<Void> disconnect();

  /** Whether the upstream itself keeps messages from coming back to their publisher. */
  boolean suppressesEchoes();
}
