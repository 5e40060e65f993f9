package org.sngw.transport.ble;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sngw.logging.LogFormat;
import org.sngw.transport.BlePeer;

/** BLE events as log lines: a warning per outage or failing device, the retries only at debug level. */
final class BleLog implements BleEvents {
  private static final Logger log = LoggerFactory.getLogger(BleTransport.class);

  private final BleConfig config;

  BleLog(BleConfig config) {
    this.config = config;
  }

  @Override
  public void adapterReady(boolean again) {
    String from = config.allowlist().isEmpty() ? "" : " from " + config.allowlist().size() + " allowed device(s)";
    log.info("BLE adapter {} {}: scanning for service {}{}", config.adapter(), again ? "is back" : "ready",
        config.service(), from);
  }

  @Override
  public void adapterUnavailable(String reason) {
    log.warn("BLE adapter {} is not available: {}; BLE sensors wait while the rest of the gateway runs, trying "
        + "again in the background after {} and then at most every {}", config.adapter(), reason,
        LogFormat.duration(config.reconnectMin()), LogFormat.duration(config.reconnectMax()));
  }

  @Override
  public void adapterStillUnavailable(String reason) {
    log.debug("BLE adapter {} still not available: {}", config.adapter(), reason);
  }

  @Override
  public void adapterLost(String reason, int peers) {
    log.warn("BLE adapter {} lost: {}; {} connected sensor(s) are lost, reconnecting once it is back",
        config.adapter(), reason, peers);
  }

  @Override
  public void connected(BlePeer peer, int payloadSize, boolean reconnect) {
    log.info("BLE device {} {} ({} bytes a write)", peer.deviceAddress(), reconnect ? "reconnected" : "connected",
        payloadSize);
  }

  @Override
  public void connectFailed(BlePeer peer, String reason, Duration retryIn) {
    log.warn("BLE device {}: connect failed: {}; trying again when it is seen, not before {} from now",
        peer.deviceAddress(), reason, LogFormat.duration(retryIn));
  }

  @Override
  public void connectStillFailing(BlePeer peer, String reason, Duration retryIn) {
    log.debug("BLE device {}: connect failed again: {}; next try in {}", peer.deviceAddress(), reason,
        LogFormat.duration(retryIn));
  }

  @Override
  public void disconnected(BlePeer peer, Duration upFor, Duration retryIn) {
    // Normal for a sensor going to sleep: its MQTT-SN session decides what the loss means.
    log.info("BLE device {} disconnected after {}; reconnecting when it is seen, not before {} from now",
        peer.deviceAddress(), LogFormat.duration(upFor), LogFormat.duration(retryIn));
  }

  @Override
  public void scanRefused(String reason, Duration retryIn) {
    log.warn("BLE adapter {}: scanning could not resume: {}; connected sensors stay, trying again in {}",
        config.adapter(), reason, LogFormat.duration(retryIn));
  }

  @Override
  public void full(int maxConnections) {
    log.info("BLE adapter {}: all {} connections in use; scanning paused until one ends", config.adapter(),
        maxConnections);
  }
}
