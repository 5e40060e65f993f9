package org.sngw.hardware;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sngw.runtime.ExtensionContext;

/**
 * The button's two actions: a short press is announced on a retained $SYS topic (a dashboard or
 * Node-RED flow can react to it, e.g. to identify this gateway); a long press stops the gateway
 * cleanly, as SIGTERM would, for a Pi without a keyboard.
 */
final class GatewayButton implements ButtonPresses.Actions {
  static final String TOPIC = "$SYS/broker/gateway/button";
  private static final Logger log = LoggerFactory.getLogger(GatewayButton.class);

  private final ExtensionContext gateway;
  private long presses;

  GatewayButton(ExtensionContext gateway) {
    this.gateway = gateway;
  }

  /** The payload counts the presses since start, so each press is a new retained value. */
  @Override
  public void shortPress() {
    presses++;
    gateway.status().publishRetained(TOPIC, "pressed " + presses);
  }

  @Override
  public void longPress() {
    log.info("button held: stopping the gateway");
    gateway.shutdown().run();
  }
}
