package org.sngw.transport.serial;

import org.sngw.events.GatewayEvents;

/**
 * Tells the gateway when the port comes back after it was lost (a USB radio re-plugged, a
 * brown-out), so a radio on it can be reset; every event goes on to the log as well.
 */
final class PortReappearance implements PortEvents {
  private final PortEvents log;
  private final String device;
  private final GatewayEvents gateway;

  PortReappearance(PortEvents log, String device, GatewayEvents gateway) {
    this.log = log;
    this.device = device;
    this.gateway = gateway;
  }

  @Override
  public void opened() {
    log.opened();
  }

  @Override
  public void reopened() {
    log.reopened();
    gateway.serialPortReappeared(device);
  }

  @Override
  public void unavailable(String reason) {
    log.unavailable(reason);
  }

  @Override
  public void stillUnavailable(String reason) {
    log.stillUnavailable(reason);
  }

  @Override
  public void lost(String reason, int peers) {
    log.lost(reason, peers);
  }
}
