package org.sngw.transport.ble;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.sngw.config.TransportPlan;
import org.sngw.runtime.TransportContext;
import org.sngw.transport.Transport;

/**
 * Bluetooth LE sensors: the gateway is a central on a BlueZ adapter. The GATT profile defaults to
 * the Nordic UART Service ({@code receive} is written by the gateway, {@code send} notified by the
 * sensor); MQTT-SN travels over it with the plain length framing.
 *
 * @param adapter the BlueZ adapter, e.g. {@code hci0}
 * @param allowlist device addresses to connect to; empty for any device advertising the service
 * @param maxConnections peripherals connected at once
 * @param writeWithResponse write requests (paced by the peripheral's confirmations) instead of
 *     write commands
 */
public record BleConfig(
    String adapter,
    UUID service,
    UUID receive,
    UUID send,
    Set<String> allowlist,
    int maxConnections,
    boolean writeWithResponse,
    Duration reconnectMin,
    Duration reconnectMax) implements TransportPlan {
  public BleConfig {
    Objects.requireNonNull(adapter, "adapter");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(receive, "receive");
    Objects.requireNonNull(send, "send");
    allowlist = Set.copyOf(allowlist);
    Objects.requireNonNull(reconnectMin, "reconnectMin");
    Objects.requireNonNull(reconnectMax, "reconnectMax");
  }

  /** The Nordic UART Service on {@code hci0}, any device, up to 8 at once, write commands. */
  public static BleConfig defaults() {
    return new BleConfig("hci0",
        UUID.fromString("6e400001-b5a3-f393-e0a9-e50e24dcca9e"),
        UUID.fromString("6e400002-b5a3-f393-e0a9-e50e24dcca9e"),
        UUID.fromString("6e400003-b5a3-f393-e0a9-e50e24dcca9e"),
        Set.of(), 8, false, Duration.ofSeconds(1), Duration.ofMinutes(1));
  }

  /** A transport on the BlueZ adapter, opened on demand: without bluetoothd the gateway runs on. */
  @Override
  public Transport open(TransportContext context) {
    return BleTransport.overBluez(this, context.scheduler(), context.clock());
  }
}
