package org.sngw.transport.ble.central;

import java.util.Objects;
import java.util.UUID;

/**
 * Which GATT service carries MQTT-SN, and its two characteristics: {@code receive} is written by
 * the gateway, {@code send} notified by the sensor. The default is the Nordic UART Service, which
 * most nRF52 and ESP32 firmware already offers.
 */
public record GattProfile(UUID service, UUID receive, UUID send) {
  public static final GattProfile NORDIC_UART = new GattProfile(
      UUID.fromString("6e400001-b5a3-f393-e0a9-e50e24dcca9e"),
      UUID.fromString("6e400002-b5a3-f393-e0a9-e50e24dcca9e"),
      UUID.fromString("6e400003-b5a3-f393-e0a9-e50e24dcca9e"));

  public GattProfile {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(receive, "receive");
    Objects.requireNonNull(send, "send");
  }
}
