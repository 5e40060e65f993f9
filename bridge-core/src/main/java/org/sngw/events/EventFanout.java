package org.sngw.events;

import java.util.List;

/** Several listeners as one; an array, so telling them all allocates nothing. */
final class EventFanout implements GatewayEvents {
  private final GatewayEvents[] listeners;

  private EventFanout(List<GatewayEvents> listeners) {
    this.listeners = listeners.toArray(GatewayEvents[]::new);
  }

  /** {@link GatewayEvents#NONE} for none, the listener itself for one. */
  static GatewayEvents of(List<GatewayEvents> listeners) {
    return switch (listeners.size()) {
      case 0 -> GatewayEvents.NONE;
      case 1 -> listeners.get(0);
      default -> new EventFanout(listeners);
    };
  }

  @Override
  public void started() {
    for (GatewayEvents listener : listeners) {
      listener.started();
    }
  }

  @Override
  public void listenerUp(String listener) {
    for (GatewayEvents each : listeners) {
      each.listenerUp(listener);
    }
  }

  @Override
  public void listenerDown(String listener) {
    for (GatewayEvents each : listeners) {
      each.listenerDown(listener);
    }
  }

  @Override
  public void upstreamConnected(String bridge) {
    for (GatewayEvents listener : listeners) {
      listener.upstreamConnected(bridge);
    }
  }

  @Override
  public void upstreamDisconnected(String bridge) {
    for (GatewayEvents listener : listeners) {
      listener.upstreamDisconnected(bridge);
    }
  }

  @Override
  public void sensorConnected(String clientId) {
    for (GatewayEvents listener : listeners) {
      listener.sensorConnected(clientId);
    }
  }

  @Override
  public void sensorDisconnected(String clientId) {
    for (GatewayEvents listener : listeners) {
      listener.sensorDisconnected(clientId);
    }
  }

  @Override
  public void sensorLost(String clientId) {
    for (GatewayEvents listener : listeners) {
      listener.sensorLost(clientId);
    }
  }

  @Override
  public void messageIn() {
    for (GatewayEvents listener : listeners) {
      listener.messageIn();
    }
  }

  @Override
  public void messageOut() {
    for (GatewayEvents listener : listeners) {
      listener.messageOut();
    }
  }

  @Override
  public void storeError() {
    for (GatewayEvents listener : listeners) {
      listener.storeError();
    }
  }

  @Override
  public void serialPortReappeared(String port) {
    for (GatewayEvents listener : listeners) {
      listener.serialPortReappeared(port);
    }
  }
}
