package org.sngw.bridge;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.sngw.message.MessageProperties;
import org.sngw.message.Qos;

/**
 * The thin surface of the MQTT client library towards one upstream broker. Futures complete and
 * callbacks run on the library's threads; the {@link Bridge} hands everything to the core loop.
 */
public interface UpstreamLink {
  /**
   * A message from upstream; {@code acknowledge} lets the library send PUBACK/PUBREC.
   *
   * @param properties its MQTT 5 properties; none from an MQTT 3.1.1 upstream
   */
  public record Inbound(String topic, byte[] payload, Qos qos, boolean retain, MessageProperties properties,
      Runnable acknowledge) {}

  /** Connects (with the will, credentials and TLS set up when the link was made). */
  CompletableFuture<Void> connect();

  /**
   * Completes when the upstream acknowledged it (at QoS 0: when written). The properties go
   * upstream with MQTT 5 (the expiry interval as it stands then); MQTT 3.1.1 has none to carry.
   */
  CompletableFuture<Void> publish(String topic, byte[] payload, Qos qos, boolean retain, MessageProperties properties);

  /** A message of the gateway's own, without properties. */
  default CompletableFuture<Void> publish(String topic, byte[] payload, Qos qos, boolean retain) {
    return publish(topic, payload, qos, retain, MessageProperties.NONE);
  }

  /** Subscribes; with MQTT 5, no-local, so what the bridge sends out does not come back. */
  CompletableFuture<Void> subscribe(String filter, Qos qos, Consumer<Inbound> messages);

  CompletableFuture<Void> disconnect();

  /** Whether the upstream itself keeps messages from coming back to their publisher. */
  boolean suppressesEchoes();
}
