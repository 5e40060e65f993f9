package org.sngw.runtime;

import org.sngw.events.GatewayEvents;

/** A running extension: it listens to the gateway's events and is closed when the gateway stops. */
public interface Extension extends AutoCloseable {
  GatewayEvents events();

  @Override
  void close();
}
