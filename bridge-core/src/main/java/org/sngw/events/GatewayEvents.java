package org.sngw.events;

import java.util.List;

/**
 * What the gateway tells whoever shows its state (status LEDs, for one). Every method has an empty
 * default, so a listener implements only what it shows, and {@link #NONE} costs nothing.
 *
 * <p>Called from whichever thread noticed the event (the core loop, a transport's I/O thread, a
 * serial port's reader), so an implementation must be thread-safe and must not block. {@link
 * #messageIn()} and {@link #messageOut()} run once per frame on the hot path: an implementation
 * allocates nothing and takes no lock there.
 */
public interface GatewayEvents {
  /** Listens to nothing. */
  GatewayEvents NONE = new GatewayEvents() { };

  /** All of these listeners as one, in order. */
  static GatewayEvents allOf(List<GatewayEvents> listeners) {
    return EventFanout.of(List.copyOf(listeners));
  }

  /** Every listener is up: the gateway is ready for sensors and clients. */
  default void started() { }

  /** A listener (a transport, an MQTT listener) is accepting traffic. */
  default void listenerUp(String listener) { }

  /** A listener stopped for good, or failed to start: it takes no more traffic. */
  default void listenerDown(String listener) { }

  /** An upstream bridge connected to its broker. */
  default void upstreamConnected(String bridge) { }

  /** An upstream bridge lost its broker, or stopped. */
  default void upstreamDisconnected(String bridge) { }

  /** A sensor's CONNECT was accepted: its MQTT-SN session is active. On the core loop. */
  default void sensorConnected(String clientId) { }

  /**
   * A sensor's session was lost: silent past its keep-alive or sleep duration, unanswered after
   * the retries, or its link gone while awake. Not a DISCONNECT, nor falling asleep. On the core
   * loop.
   */
  default void sensorLost(String clientId) { }

  /** A sensor ended its session with a DISCONNECT that is not a sleep. On the core loop. */
  default void sensorDisconnected(String clientId) { }

  /** A frame came in from a sensor. Hot path: no allocation, no lock. */
  default void messageIn() { }

  /** A frame went out to a sensor. Hot path: no allocation, no lock. */
  default void messageOut() { }

  /** The store cannot write (a full or failing SD card): nothing QoS 1 or 2 is acknowledged. */
  default void storeError() { }

  /** A serial port came back after it had gone: a radio module on it may need a reset. */
  default void serialPortReappeared(String port) { }
}
