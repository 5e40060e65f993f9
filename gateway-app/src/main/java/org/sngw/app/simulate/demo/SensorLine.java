package org.sngw.app.simulate.demo;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.sngw.sn.codec.SnPacket;

/** How a demo sensor reaches the gateway: a UDP socket or one end of a serial line. */
interface SensorLine extends AutoCloseable {
  void send(SnPacket packet) throws IOException;

  /** The next packet from the gateway, or empty when none comes within {@code wait}. */
  Optional<SnPacket> receive(Duration wait) throws IOException;

  /** What the sensor is reached over, for the lines the demo prints: "udp" or the serial port. */
  String name();

  @Override
  void close();
}
